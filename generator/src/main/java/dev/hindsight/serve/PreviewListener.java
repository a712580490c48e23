package dev.hindsight.serve;

import dev.hindsight.build.BuildResult;

/** Hears each build of the preview server, to report it the way the caller reports (terminal, Maven log). */
public interface PreviewListener {
    /** Build {@code number} (the first is 1) ended after {@code millis} ms; its diagnostics are in the result. */
    void built(int number, BuildResult result, long millis);

    /** A build stopped on a bug of Hindsight's own; the last good site is still served. */
    void failed(RuntimeException problem);
}
