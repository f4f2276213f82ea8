package dev.vigil.cli;

import dev.vigil.finding.Finding;
import dev.vigil.triage.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Formats and prints verdicts on a thread of its own, so that triage goes on while the previous verdicts are written.
 * The wrapped writer sees every verdict in the order given, from one thread only, and is finished after the last;
 * at most {@value #QUEUED_BATCHES} batches of {@value #BATCH} verdicts wait: memory stays flat. An error while
 * writing (e.g. a closed pipe) is rethrown by the next {@link #write} or by {@link #finish}.
 */
final class WriteBehind implements VerdictWriter {

    static final int BATCH = 64;
    static final int QUEUED_BATCHES = 4;

    private record Item(Finding finding, Verdict verdict) {
    }

    private static final List<Item> END = List.of();

    private final VerdictWriter target;
    private final BlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread thread;
    private List<Item> batch = new ArrayList<>(BATCH);
    private volatile Throwable failure;

    WriteBehind(VerdictWriter target) {
        this.target = target;
        this.thread = new Thread(this::drain, "vigil-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void write(Finding finding, Verdict verdict) {
        rethrowFailure();
        batch.add(new Item(finding, verdict));
        if (batch.size() == BATCH) {
            handOver(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    @Override
    public void finish() {
        if (!batch.isEmpty()) {
            handOver(batch);
            batch = new ArrayList<>(BATCH);
        }
        handOver(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing verdicts", e);
        }
        rethrowFailure();
        target.finish();
    }

    private void handOver(List<Item> items) {
        try {
            while (!queue.offer(items, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing verdicts", e);
        }
    }

    private void drain() {
        try {
            while (true) {
                List<Item> items = queue.take();
                if (items == END) {
                    return;
                }
                for (Item item : items) {
                    target.write(item.finding(), item.verdict());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private void rethrowFailure() {
        Throwable failed = failure;
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
    }
}
