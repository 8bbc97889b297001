package org.forcereturns.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs an I/O task for each item on up to one thread per core; results come back in the items' order. */
public final class InParallel {

    /** A task that reads or writes files. */
    @FunctionalInterface
    public interface IoTask<T, R> {
        R apply(T item) throws IOException;
    }

    private InParallel() {
    }

    /**
     * @param threadName names the worker threads (in thread dumps and profiles)
     * @return each item's result, in order
     * @throws IOException the failure of the first item (in order) that failed; the others are interrupted
     */
    public static <T, R> List<R> map(List<T> items, String threadName, IoTask<T, R> task) throws IOException {
        int threads = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
        List<R> out = new ArrayList<>(items.size());
        if (threads <= 1) {
            for (T item : items) {
                out.add(task.apply(item));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> task.apply(item)));
            }
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + threadName + " tasks");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
