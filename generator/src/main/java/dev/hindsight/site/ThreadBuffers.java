package dev.hindsight.site;

import java.util.ArrayDeque;

/**
 * 64 kB byte buffers that each thread lends out and gets back, one per writer at a time: a page's UTF-8 output and
 * the file it is written into each need one, for each of the 20,000 files of 10,000 reports, and making them new
 * was 5% of a build's allocation. A buffer not given back (its writer failed) is simply replaced.
 */
final class ThreadBuffers {
    static final int SIZE = 64 * 1024;
    /**
     * At most this many wait per thread: the most open at once are a page's output, its file, and the output of a
     * table row rendered on its own for other pages to share ({@link SharedIncidentRows}).
     */
    private static final int KEPT = 3;
    private static final ThreadLocal<ArrayDeque<byte[]>> FREE = ThreadLocal.withInitial(ArrayDeque::new);

    private ThreadBuffers() {
    }

    /** A buffer of {@link #SIZE} bytes for this thread's use until {@link #giveBack}; its content is undefined. */
    static byte[] borrow() {
        byte[] buffer = FREE.get().poll();
        return buffer != null ? buffer : new byte[SIZE];
    }

    /** Returns a buffer {@link #borrow} lent on this thread; it must not be used afterwards. */
    static void giveBack(byte[] buffer) {
        ArrayDeque<byte[]> free = FREE.get();
        if (free.size() < KEPT) {
            free.push(buffer);
        }
    }
}
