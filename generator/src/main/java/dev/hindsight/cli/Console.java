package dev.hindsight.cli;

import dev.hindsight.build.BuildListener;
import dev.hindsight.build.BuildPhase;
import dev.hindsight.diagnostic.Diagnostic;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * What a command prints, at the chosen level, with colours only when they were asked for or a terminal shows
 * them: diagnostics in gcc's form with their hints, summary lines, and for long builds a progress line on
 * standard error (rewritten in place on a terminal, one line per phase with {@code --verbose}).
 */
final class Console {
    enum Level { QUIET, NORMAL, VERBOSE }

    private static final String RED = "\u001B[1;31m";
    private static final String YELLOW = "\u001B[1;33m";
    private static final String DIM = "\u001B[2m";
    private static final String BOLD = "\u001B[1m";
    private static final String RESET = "\u001B[0m";

    private final PrintWriter out;
    private final PrintWriter err;
    private final Level level;
    private final boolean colours;
    private final boolean interactive;

    Console(PrintWriter out, PrintWriter err, Level level, boolean colours, boolean interactive) {
        this.out = out;
        this.err = err;
        this.level = level;
        this.colours = colours;
        this.interactive = interactive;
    }

    /** Each finding and its hint; warnings are left out when quiet. */
    void diagnostics(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            if (level == Level.QUIET && !d.isError()) {
                continue;
            }
            String line = d.toGccLine();
            if (colours) {
                line = line.replaceFirst(": (error|warning): ", d.isError() ? ": " + RED + "error" + RESET + ": "
                        : ": " + YELLOW + "warning" + RESET + ": ");
            }
            out.println(line);
            if (d.hint() != null) {
                out.println(colours ? DIM + "    hint: " + d.hint() + RESET : "    hint: " + d.hint());
            }
        }
        out.flush();
    }

    /** A closing line such as "Wrote 198 pages…"; not when quiet. */
    void summary(String line) {
        if (level != Level.QUIET) {
            out.println(colours ? BOLD + line + RESET : line);
            out.flush();
        }
    }

    /** A line that matters even when quiet (where the new report is, where the server listens). */
    void result(String line) {
        out.println(line);
        out.flush();
    }

    /**
     * The build's progress: with {@code --verbose} a line per finished phase with its time; otherwise, on a
     * terminal only, one status line on standard error rewritten as phases start and cleared at the end.
     */
    BuildListener progress() {
        if (level == Level.VERBOSE) {
            return new BuildListener() {
                @Override
                public void phaseFinished(BuildPhase phase, long nanos) {
                    err.println(String.format(Locale.ROOT, "  %-14s %,8d ms", phase.label(), nanos / 1_000_000));
                    err.flush();
                }
            };
        }
        if (level == Level.QUIET || !interactive) {
            return BuildListener.SILENT;
        }
        List<BuildPhase> pipeline = BuildPhase.pipeline();
        return new BuildListener() {
            @Override
            public void phaseStarted(BuildPhase phase) {
                // The cache's phases, which only some builds have, are named without a number.
                String step = phase.cacheOnly() ? "" : (pipeline.indexOf(phase) + 1) + "/" + pipeline.size() + " ";
                err.print("\r\u001B[2K" + step + phase.label() + "…");
                err.flush();
            }

            @Override
            public void phaseFinished(BuildPhase phase, long nanos) {
                if (phase == BuildPhase.RENDER || phase == BuildPhase.CACHE_WRITE) { // the last of either kind
                    err.print("\r\u001B[2K");
                    err.flush();
                }
            }
        };
    }
}
