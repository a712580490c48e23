package dev.hindsight.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom templates compile at run time inside the runnable jar, the way users run the command line.
 * Runs after packaging (failsafe), on the real jar, in a real JVM process. (Here javac also finds our
 * classes through java.class.path; the explicit class path Templates passes matters inside a Maven
 * plugin's class realm, which the plugin's own integration builds exercise.)
 */
class FatJarCustomTemplatesIT {
    @TempDir
    Path out;

    @Test
    void aComponentOverrideIsCompiledAndUsedByTheBuiltInPagesThatIncludeIt() throws IOException,
            InterruptedException {
        Path jar = Path.of("target/hindsight.jar");
        assertThat(jar).as("the runnable jar is built in the package phase").exists();
        Path site = out.resolve("site");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "build", "--source", "../sample-site/src/postmortems", "--out", site.toString(),
                "--as-of", "2026-11-25", "--templates", "src/test/resources/templates/fat-jar-override"))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Wrote ");
        String incident = Files.readString(site.resolve("incidents/INC-2025-10-05-001/index.html"));
        assertThat(incident).contains("<span class=\"badge sev sev-p1\" data-theme=\"custom\">P1</span>");
        assertThat(Files.readString(site.resolve("incidents/index.html"))).contains("data-theme=\"custom\"");
    }
}
