package dev.hindsight.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code hindsight} launcher script built beside the jar, run as a user runs it: exit codes, the output
 * options, {@code new} then {@code check}, and {@code serve} stopped by a signal, cleaning up after itself.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("target/hindsight").toAbsolutePath();
    private static final String SAMPLE = Path.of("../sample-site/src/postmortems").toAbsolutePath().toString();

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) throws Exception {
        return runWithJavaOptions(null, args);
    }

    /** Runs the launcher; {@code javaOptions}, when given, are its HINDSIGHT_JAVA_OPTS. */
    private Run runWithJavaOptions(String javaOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("NO_COLOR");
        // The JVM reports these on stderr ("Picked up ..."), which the tests read.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        if (javaOptions != null) {
            builder.environment().put("HINDSIGHT_JAVA_OPTS", javaOptions);
        }
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void theLauncherIsExecutableAndPrintsTheVersion() throws Exception {
        assertThat(LAUNCHER).isExecutable();
        Run version = run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("hindsight ");
        assertThat(version.err()).as("no JVM warning about the launcher's flags").isEmpty();
    }

    @Test
    void twoProcessesBuildingTheSameReportsWriteTheSameBytesSearchIndexIncluded() throws Exception {
        // Two JVMs: Lucene's random ids and the order of its maps (which Java varies from one JVM to the next) both
        // differ between them, as between two builds of a site in CI.
        List<Path> sites = List.of(temp.resolve("first"), temp.resolve("second"));
        for (Path site : sites) {
            Run build = run("build", "--source", SAMPLE, "--out", site.toString(), "--as-of", "2026-11-25",
                    "--time-zone", "Asia/Shanghai", "--quiet");
            assertThat(build.exitCode()).as(build.err()).isZero();
        }
        List<Path> files;
        try (var walk = Files.walk(sites.get(0))) {
            files = walk.filter(Files::isRegularFile).map(sites.get(0)::relativize).sorted().toList();
        }
        assertThat(files).contains(Path.of("search/index/segments_1"));
        for (Path file : files) {
            assertThat(Files.mismatch(sites.get(0).resolve(file), sites.get(1).resolve(file))).as(file.toString())
                    .isEqualTo(-1L);
        }
    }

    @Test
    void exitCodesAreZeroForSuccessOneForFindingsTwoForUsage() throws Exception {
        Path bad = Files.createDirectories(temp.resolve("bad"));
        Files.writeString(bad.resolve("broken.md"), "---\nid: X-1\ntitle: T\nseverity: P9\nstarted: 2026-01-01\n---\n");

        assertThat(run("check", "--source", SAMPLE, "--as-of", "2026-11-25", "--time-zone", "Asia/Shanghai")
                .exitCode()).isZero();
        assertThat(run("check", "--source", bad.toString()).exitCode()).isEqualTo(1);
        assertThat(run("check", "--source", temp.resolve("missing").toString()).exitCode()).isEqualTo(2);
        assertThat(run("check").exitCode()).isEqualTo(2);
        assertThat(run("frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void quietVerboseAndColourChangeOnlyWhatIsPrinted() throws Exception {
        Path bad = Files.createDirectories(temp.resolve("mixed"));
        Files.writeString(bad.resolve("broken.md"), "---\nid: X-1\ntitle: T\nseverity: P9\nstarted: 2026-01-01\n---\n");
        // A completed item without a completion date: a warning (HS140).
        Files.writeString(bad.resolve("warned.md"), "---\nid: X-2\ntitle: Warned\nseverity: P3\nstatus: final\n"
                + "started: 2026-01-01\nactions:\n  - description: Done\n    owner: Ana\n    due: 2026-01-05\n"
                + "    status: completed\n---\n");

        Run plain = run("check", "--source", bad.toString(), "--as-of", "2026-11-25");
        assertThat(plain.out()).contains(": error: ", ": warning: ").doesNotContain("\u001B[");
        Run quiet = run("check", "--source", bad.toString(), "--as-of", "2026-11-25", "--quiet");
        assertThat(quiet.out()).contains(": error: ").doesNotContain(": warning: ", "report files");
        Run coloured = run("check", "--source", bad.toString(), "--as-of", "2026-11-25", "--color", "always");
        assertThat(coloured.out()).contains(": \u001B[1;31merror\u001B[0m: ");
        assertThat(quiet.exitCode()).isEqualTo(plain.exitCode()).isEqualTo(coloured.exitCode()).isEqualTo(1);

        Run verbose = run("build", "--source", SAMPLE, "--out", temp.resolve("site").toString(), "--as-of",
                "2026-11-25", "--time-zone", "Asia/Shanghai", "--verbose");
        assertThat(verbose.exitCode()).isZero();
        assertThat(verbose.err()).contains("load", "search index", "render").containsPattern("render\\s+[\\d,]+ ms");
        assertThat(run("build", "--source", SAMPLE, "--out", temp.resolve("site").toString(), "-q", "-v").exitCode())
                .isEqualTo(2);
    }

    @Test
    void aHeapTooSmallForTheReportsIsToldWithoutAStackTraceAndWritesNothing() throws Exception {
        String report = Files.readString(Path.of(SAMPLE, "2026", "INC-2026-11-18-001.md"));
        Path source = Files.createDirectories(temp.resolve("many"));
        for (int i = 0; i < 3000; i++) {
            String id = String.format("INC-2026-11-18-%04d", i);
            Files.writeString(source.resolve(id + ".md"), report.replace("INC-2026-11-18-001", id));
        }
        Path site = temp.resolve("site");

        Run build = runWithJavaOptions("-Xmx16m", "build", "--source", source.toString(), "--out", site.toString(), "--quiet");

        assertThat(build.exitCode()).isEqualTo(3);
        assertThat(build.err()).contains("hindsight: out of memory").contains("HINDSIGHT_JAVA_OPTS=-Xmx2g")
                .doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(site).doesNotExist();
    }

    @Test
    void aNewReportFromTheLauncherPassesCheck() throws Exception {
        Path source = temp.resolve("reports");
        Run made = run("new", "--source", source.toString(), "--title", "Queue backlog", "--severity", "P3",
                "--started", "2026-12-04T09:30", "--time-zone", "UTC");
        assertThat(made.exitCode()).isZero();
        assertThat(Path.of(made.out().strip())).isRegularFile();
        Run check = run("check", "--source", source.toString(), "--as-of", "2026-12-04", "--time-zone", "UTC");
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("1 report file, 1 loaded, 0 errors");
    }

    @Test
    void serveAnswersAndStopsCleanlyOnASignal() throws Exception {
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "serve", "--source", SAMPLE, "--port", "0",
                "--as-of", "2026-11-25", "--time-zone", "Asia/Shanghai").redirectErrorStream(true);
        builder.environment().put("HINDSIGHT_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
        Process process = builder.start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Pattern serving = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");
            String address = null;
            for (String line; address == null && (line = lines.readLine()) != null; ) {
                Matcher m = serving.matcher(line);
                if (m.find()) {
                    address = m.group(1);
                }
            }
            assertThat(address).isNotNull();
            assertThat(Files.list(tmp).toList()).hasSize(1);
            HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("/__hindsight/live.js");

            process.destroy(); // SIGTERM: the same shutdown path as Ctrl-C's SIGINT
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (var left = Files.list(tmp)) {
                assertThat(left).as("the temporary site is removed").isEmpty();
            }
        } finally {
            process.destroyForcibly();
        }
    }
}
