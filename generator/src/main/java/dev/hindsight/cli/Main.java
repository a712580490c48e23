package dev.hindsight.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;

/**
 * {@code java -jar hindsight.jar <command>}. Exit codes: 0 ok, 1 findings (errors in the reports),
 * 2 usage (bad options), 3 an unexpected failure of Hindsight itself.
 */
@Command(name = "hindsight", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Turns a folder of post-mortem reports into a searchable static knowledge base.",
        subcommands = {BuildCommand.class, ServeCommand.class, CheckCommand.class, ActionsCommand.class, SearchCommand.class,
                NewCommand.class,
                DumpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 findings (a report has errors), 2 usage error, 3 internal failure.",
                "Run 'hindsight <command> --help' for a command's options and examples."})
public final class Main implements Runnable {
    static final int EXIT_OK = 0;
    static final int EXIT_FINDINGS = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILURE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Running out of heap is not a bug to report with a stack trace but a heap too small for the reports: say
        // how to give more. The message is made before the build: once the heap is exhausted, even composing it can
        // fail. Whichever thread meets the error first says it, once (a build's pool threads usually meet it with
        // the main thread). The site is written only at the end, so the previous one is still there.
        byte[] outOfMemory = (outOfMemoryMessage() + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        AtomicBoolean told = new AtomicBoolean();
        Runnable tell = () -> {
            if (told.compareAndSet(false, true)) {
                System.err.write(outOfMemory, 0, outOfMemory.length);
                System.err.flush();
            }
        };
        Thread.UncaughtExceptionHandler standard = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError) {
                // Nothing can be trusted to finish after it (the JVM's own advice); the site was not touched.
                tell.run();
                Runtime.getRuntime().halt(EXIT_FAILURE);
            } else if (standard != null) {
                standard.uncaughtException(thread, e);
            } else {
                thread.getThreadGroup().uncaughtException(thread, e);
            }
        });
        int code;
        try {
            code = run(args);
        } catch (OutOfMemoryError e) { // thrown again while being told, as other threads still held the heap
            tell.run();
            Runtime.getRuntime().halt(EXIT_FAILURE); // shutdown hooks could fail the same way
            return;
        }
        System.exit(code);
    }

    /** What running out of heap means for a user, and what to do about it. */
    private static String outOfMemoryMessage() {
        return "hindsight: out of memory: the reports need more than the " + Runtime.getRuntime().maxMemory()
                / (1024 * 1024) + " MiB of heap this JVM may use; nothing was written. Give it more, e.g. "
                + "HINDSIGHT_JAVA_OPTS=-Xmx2g (or -Xmx in MAVEN_OPTS for the Maven plugin)";
    }

    /** Runs a command line on the standard streams and returns its exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    }

    /** Runs a command line writing to the given streams (tests call this) and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("hindsight: " + e.getMessage());
                    return EXIT_FAILURE;
                });
        commandLine.getCommandSpec().exitCodeOnInvalidInput(EXIT_USAGE);
        commandLine.getCommandSpec().exitCodeOnSuccess(EXIT_OK);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: build, check, actions, search, new, serve or dump");
    }
}
