package dev.vigil.cli;

import dev.vigil.finding.Finding;
import dev.vigil.ingest.FindingSink;
import dev.vigil.ingest.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Reads on a second thread while the calling thread consumes: reading and parsing overlap with triage and output,
 * so a run can use two cores. Findings and rejections reach the consumer in input order, on the calling thread only,
 * so whatever the consumer keeps (history, tallies, output) sees exactly what a single-threaded run would. At most
 * {@value #QUEUED_BATCHES} batches of {@value #BATCH} records wait between the threads: memory stays flat.
 */
final class ReadAhead {

    static final int BATCH = 64;
    static final int QUEUED_BATCHES = 4;

    private static final List<Object> END = List.of();

    private ReadAhead() {
    }

    /**
     * Runs {@code read} on a reader thread, handing it a sink that forwards to {@code consumer} on this thread.
     * Returns what {@code read} returned; an exception from either side is rethrown here, after the other has stopped.
     */
    static <T> T run(Function<FindingSink, T> read, FindingSink consumer) {
        BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        Reader<T> reader = new Reader<>(read, queue);
        Thread thread = new Thread(reader, "vigil-reader");
        thread.setDaemon(true);
        thread.start();
        try {
            while (true) {
                List<Object> batch = queue.take();
                if (batch == END) {
                    break;
                }
                for (Object item : batch) {
                    if (item instanceof Finding finding) {
                        consumer.accept(finding);
                    } else {
                        consumer.reject((Rejection) item);
                    }
                }
            }
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while triaging", e);
        } catch (RuntimeException | Error e) {
            stop(thread, queue);
            throw e;
        }
        if (reader.failure instanceof RuntimeException e) {
            throw e;
        }
        if (reader.failure instanceof Error e) {
            throw e;
        }
        return reader.result;
    }

    /** The consumer failed: stop the reader (it may be waiting for room in the queue) and wait for it. */
    private static void stop(Thread thread, BlockingQueue<List<Object>> queue) {
        thread.interrupt();
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Reader<T> implements Runnable, FindingSink {
        private final Function<FindingSink, T> read;
        private final BlockingQueue<List<Object>> queue;
        private List<Object> batch = new ArrayList<>(BATCH);
        private volatile T result;
        private volatile Throwable failure;

        Reader(Function<FindingSink, T> read, BlockingQueue<List<Object>> queue) {
            this.read = read;
            this.queue = queue;
        }

        @Override
        public void run() {
            try {
                result = read.apply(this);
            } catch (Stopped e) {
                return;
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            try {
                handOver();
                queue.put(END);
            } catch (Stopped e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void accept(Finding finding) {
            add(finding);
        }

        @Override
        public void reject(Rejection rejection) {
            add(rejection);
        }

        private void add(Object item) {
            batch.add(item);
            if (batch.size() == BATCH) {
                handOver();
            }
        }

        private void handOver() {
            if (batch.isEmpty()) {
                return;
            }
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                throw new Stopped();
            }
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Unwinds the reader when the consumer has failed. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("the consumer stopped", null, false, false);
        }
    }
}
