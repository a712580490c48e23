package dev.hindsight.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Maps a list on every core: one thread per core (the caller's is one of them), each taking the next item as soon as
 * it is done with its last, so that all finish within one item of each other.
 *
 * <p>Why not a parallel stream: on two cores it splits a list into four runs of consecutive items, and a run, once
 * started, is never split again. When one run costs more than the others (the first reports are parsed before the
 * JIT has compiled the parser; some years' reports are longer), one core worked alone for up to two seconds at the
 * end of loading 10,000 reports while the other idled.
 */
public final class Workers {
    private Workers() {
    }

    /**
     * {@code work} applied to every item, in the items' order. When an item's work throws, the threads stop after
     * their current item and, once all have stopped, the first exception is rethrown as it was (a checked one, which
     * only code that cheats the compiler can throw, wrapped in an IllegalStateException).
     *
     * @param name the helper threads' name, numbered after it
     */
    public static <T, R> List<R> map(String name, List<T> items, Function<? super T, ? extends R> work) {
        Object[] results = new Object[items.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                    results[i] = work.apply(items.get(i));
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
                next.set(results.length); // the others stop after their current item
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < Math.min(results.length, Runtime.getRuntime().availableProcessors()); t++) {
            Thread helper = new Thread(worker, name + "-" + t);
            helper.setDaemon(true);
            try {
                helper.start();
            } catch (OutOfMemoryError e) { // no native thread to be had: the threads there are do the work
                break;
            }
            helpers.add(helper);
        }
        worker.run(); // this thread is one of the workers
        awaitAll(helpers);
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed != null) { // a checked exception thrown past the compiler
            throw new IllegalStateException(failed);
        }
        @SuppressWarnings("unchecked") // each element is an R that work returned
        List<R> list = (List<R>) Arrays.asList(results);
        return Collections.unmodifiableList(list);
    }

    /** Runs {@code task} for 0 to {@code count - 1}, as {@link #map} runs its work. */
    public static void forEach(String name, int count, IntConsumer task) {
        map(name, IntStream.range(0, count).boxed().toList(), i -> {
            task.accept(i);
            return null;
        });
    }

    /**
     * Waits for every helper, even when interrupted: they may be writing where the caller cleans up after them.
     * The interrupt is kept for the caller to see.
     */
    private static void awaitAll(List<Thread> helpers) {
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (helper.isAlive()) {
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
