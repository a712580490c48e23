package dev.hindsight.cli;

import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** How much a command prints and whether in colour: the same three options on every command that reports. */
final class OutputOptions {
    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Also print each build phase and how long it took.")
    boolean verbose;

    @Option(names = "--color", paramLabel = "WHEN",
            description = "auto (only on a terminal, and not when NO_COLOR is set), always or never. Default: auto.")
    String color = "auto";

    /** The console for this run; {@code interactive} is whether a person is watching (a terminal). */
    Console console(PrintWriter out, PrintWriter err) {
        return console(out, err, System.console() != null, System.getenv());
    }

    Console console(PrintWriter out, PrintWriter err, boolean interactive, Map<String, String> environment) {
        boolean colours = switch (color.toLowerCase(Locale.ROOT)) {
            case "always" -> true;
            case "never" -> false;
            default -> interactive && !environment.containsKey("NO_COLOR")
                    && !"dumb".equals(environment.get("TERM"));
        };
        Console.Level level = quiet ? Console.Level.QUIET : verbose ? Console.Level.VERBOSE : Console.Level.NORMAL;
        return new Console(out, err, level, colours, interactive);
    }

    /** Whether the options make sense together; the message when they do not. */
    String problem() {
        if (quiet && verbose) {
            return "--quiet and --verbose cannot be used together";
        }
        if (!color.equalsIgnoreCase("auto") && !color.equalsIgnoreCase("always") && !color.equalsIgnoreCase("never")) {
            return "--color " + color + " is not one of auto, always, never";
        }
        return null;
    }
}
