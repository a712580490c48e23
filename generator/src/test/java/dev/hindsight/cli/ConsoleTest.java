package dev.hindsight.cli;

import dev.hindsight.build.BuildListener;
import dev.hindsight.build.BuildPhase;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Level;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the console prints for a terminal and for a pipe: colours, the progress line, quiet and verbose. */
class ConsoleTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Console console(OutputOptions options, boolean terminal, Map<String, String> environment) {
        return options.console(new PrintWriter(out, true), new PrintWriter(err, true), terminal, environment);
    }

    private static OutputOptions options(String... flags) {
        OutputOptions options = new OutputOptions();
        for (String flag : flags) {
            switch (flag) {
                case "quiet" -> options.quiet = true;
                case "verbose" -> options.verbose = true;
                default -> options.color = flag;
            }
        }
        return options;
    }

    private static final List<Diagnostic> FINDINGS = List.of(
            new Diagnostic("a.md", 3, 1, Level.ERROR, DiagnosticCode.values()[0], "bad", "fix it"),
            new Diagnostic("b.md", 4, 2, Level.WARNING, DiagnosticCode.values()[0], "odd", null));

    private static void runPhases(BuildListener listener) {
        for (BuildPhase phase : BuildPhase.values()) {
            listener.phaseStarted(phase);
            listener.phaseFinished(phase, 2_000_000);
        }
    }

    @Test
    void aTerminalGetsColoursAndARewrittenProgressLineThatEndsCleared() {
        Console console = console(options(), true, Map.of("TERM", "xterm"));
        console.diagnostics(FINDINGS);
        runPhases(console.progress());

        assertThat(out.toString()).contains(": \u001B[1;31merror\u001B[0m: bad", ": \u001B[1;33mwarning\u001B[0m: odd");
        assertThat(err.toString()).contains("\r\u001B[2K1/7 load…", "\r\u001B[2Kcache read…", "7/7 render…",
                "\r\u001B[2Kcache write…").endsWith("\r\u001B[2K");
    }

    @Test
    void noColourForAPipeForNoColorOrADumbTerminalAndNoProgressLineForAPipe() {
        console(options(), false, Map.of()).diagnostics(FINDINGS);
        console(options(), true, Map.of("NO_COLOR", "1")).diagnostics(FINDINGS);
        console(options(), true, Map.of("TERM", "dumb")).diagnostics(FINDINGS);
        runPhases(console(options(), false, Map.of()).progress());

        assertThat(out.toString()).doesNotContain("\u001B[").contains("a.md:3:1: error: bad");
        assertThat(err.toString()).isEmpty();
        console(options("always"), false, Map.of()).diagnostics(FINDINGS);
        assertThat(out.toString()).contains("\u001B[1;31merror");
    }

    @Test
    void quietKeepsOnlyErrorsAndVerboseTimesEveryPhase() {
        Console quiet = console(options("quiet"), true, Map.of());
        quiet.diagnostics(FINDINGS);
        quiet.summary("Wrote 3 pages");
        runPhases(quiet.progress());
        assertThat(out.toString()).contains("bad [" + DiagnosticCode.values()[0].code() + "]").doesNotContain("odd", "Wrote");
        assertThat(err.toString()).isEmpty();

        runPhases(console(options("verbose"), false, Map.of()).progress());
        assertThat(err.toString().lines()).hasSize(BuildPhase.values().length)
                .allSatisfy(line -> assertThat(line).matches("  [a-z ]+\\s+2 ms"));
        assertThat(options("quiet", "verbose").problem()).contains("cannot be used together");
        assertThat(options("sometimes").problem()).contains("--color sometimes");
    }
}
