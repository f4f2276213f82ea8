package dev.vigil.cli;

import dev.vigil.finding.Finding;
import dev.vigil.finding.RawDocument;
import dev.vigil.ingest.FindingSink;
import dev.vigil.ingest.Rejection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads on a second thread while the calling thread consumes: reading and parsing overlap with triage and output,
 * so a run can use two cores. Findings and rejections reach the consumer in input order, on the calling thread only,
 * so whatever the consumer keeps (history, tallies, output) sees exactly what a single-threaded run would. At most
 * {@value #QUEUED_BATCHES} batches of {@value #BATCH} records wait between the threads once the consumer runs: memory
 * stays flat.
 * <p>
 * The reader can be {@link #start started} before the consumer is ready (while triage loads its playbooks and IP
 * lists, a third of a second spent on one core): until the consumer {@link Started#consume starts}, it reads ahead up
 * to a budget of bytes, so the other core is not idle then. The consumer then drains that surplus, and the reader
 * waits until the queue is back under its steady bound.
 */
final class ReadAhead {

    static final int BATCH = 64;
    static final int QUEUED_BATCHES = 4;

    /**
     * What a finding read ahead is counted as: its own objects (a typical finding's strings, tags and interfaces), and
     * its document's bytes, or a tree's worth when its document is a tree.
     */
    private static final int FINDING_BYTES = 3 * 1024;
    private static final int TREE_BYTES = 16 * 1024;
    /** What a rejection is counted as. */
    private static final int REJECTION_BYTES = 1024;

    private static final List<Object> END = List.of();

    private ReadAhead() {
    }

    /**
     * Runs {@code read} on a reader thread, handing it a sink that forwards to {@code consumer} on this thread.
     * Returns what {@code read} returned; an exception from either side is rethrown here, after the other has stopped.
     */
    static <T> T run(Function<FindingSink, T> read, FindingSink consumer) {
        return start(read, 0).consume(consumer);
    }

    /**
     * Starts {@code read} on a reader thread now; it may read up to {@code budgetBytes} (documents and records, roughly)
     * ahead until {@link Started#consume} is called. The caller must call {@code consume} or {@link Started#cancel}.
     */
    static <T> Started<T> start(Function<FindingSink, T> read, long budgetBytes) {
        Started<T> started = new Started<>(read, budgetBytes);
        started.thread.start();
        return started;
    }

    /** The size counted for a finding or rejection read ahead of the consumer. */
    private static long size(Object item) {
        if (item instanceof Finding finding) {
            RawDocument document = finding.document();
            return FINDING_BYTES + (document == null ? 0 : document.keptAsBytes() ? document.size() : TREE_BYTES);
        }
        return REJECTION_BYTES;
    }

    /** A reader running; its batches wait in a queue bounded by the budget until consumed, then by the steady bound. */
    static final class Started<T> {
        private final Function<FindingSink, T> read;
        private final Thread thread;
        private final ArrayDeque<List<Object>> queue = new ArrayDeque<>();
        private List<Object> batch = new ArrayList<>(BATCH);
        private long batchBytes;
        /** Guarded by the queue: the budget left for reading ahead, 0 once the consumer runs. */
        private long budget;
        private boolean stopped;
        private volatile T result;
        private volatile Throwable failure;

        private Started(Function<FindingSink, T> read, long budgetBytes) {
            this.read = read;
            this.budget = budgetBytes;
            this.thread = new Thread(this::readToQueue, "vigil-reader");
            thread.setDaemon(true);
        }

        /**
         * Hands every finding and rejection to {@code consumer}, on this thread, in input order. Returns what the read
         * returned; an exception from either side is rethrown here, after the other has stopped.
         */
        T consume(FindingSink consumer) {
            synchronized (queue) {
                budget = 0;
            }
            try {
                while (true) {
                    List<Object> next = take();
                    if (next == END) {
                        break;
                    }
                    for (Object item : next) {
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
                cancel();
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }

        /** Stops the reader (it may be waiting for room in the queue) and waits for it. */
        void cancel() {
            synchronized (queue) {
                stopped = true;
                queue.clear();
                queue.notifyAll();
            }
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private List<Object> take() throws InterruptedException {
            synchronized (queue) {
                while (queue.isEmpty()) {
                    if (stopped) {
                        throw new IllegalStateException("the reader was cancelled");
                    }
                    queue.wait();
                }
                List<Object> next = queue.poll();
                queue.notifyAll();
                return next;
            }
        }

        /** The reader thread's work: the read, handing what it reads to the queue through {@link #sink}. */
        private void readToQueue() {
            try {
                result = read.apply(sink);
            } catch (Stopped e) {
                return;
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            try {
                handOver();
                put(END, 0);
            } catch (Stopped e) {
                // the consumer failed or was cancelled: nobody waits for the end
            }
        }

        /** What the read hands its findings and rejections to, on the reader thread. */
        private final FindingSink sink = new FindingSink() {
            @Override
            public void accept(Finding finding) {
                add(finding);
            }

            @Override
            public void reject(Rejection rejection) {
                add(rejection);
            }
        };

        private void add(Object item) {
            batch.add(item);
            batchBytes += size(item);
            if (batch.size() == BATCH) {
                handOver();
            }
        }

        private void handOver() {
            if (batch.isEmpty()) {
                return;
            }
            put(batch, batchBytes);
            batch = new ArrayList<>(BATCH);
            batchBytes = 0;
        }

        /** Queues a batch: within the steady bound, or ahead of the consumer while the budget lasts. */
        private void put(List<Object> items, long bytes) {
            synchronized (queue) {
                try {
                    while (!stopped && queue.size() >= QUEUED_BATCHES && budget < bytes) {
                        queue.wait();
                    }
                } catch (InterruptedException e) {
                    throw new Stopped();
                }
                if (stopped) {
                    throw new Stopped();
                }
                if (queue.size() >= QUEUED_BATCHES) {
                    budget -= bytes;
                }
                queue.add(items);
                queue.notifyAll();
            }
        }
    }

    /** Unwinds the reader when the consumer has failed. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("the consumer stopped", null, false, false);
        }
    }
}
