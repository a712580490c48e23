package dev.hindsight.build;

/**
 * Hears how a build goes, phase by phase: the command line draws its progress line from it, the benchmark
 * its per-phase times. Called on the building thread; implementations must be quick.
 */
public interface BuildListener {
    /** A listener that ignores everything. */
    BuildListener SILENT = new BuildListener() {
    };

    /** {@code phase} begins. */
    default void phaseStarted(BuildPhase phase) {
    }

    /** {@code phase} ended after {@code nanos} nanoseconds of wall time. */
    default void phaseFinished(BuildPhase phase, long nanos) {
    }
}
