package dev.hindsight.load;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.model.Incident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file itself, before any Markdown or YAML: size, emptiness, binary content and encoding (HS102–HS105),
 * and the BOM and CRLF endings that are accepted. Files whose point is their exact bytes are written from
 * here into a temporary directory, since editors and Git would change them; the rest are fixtures.
 */
class ReportBytesTest {
    private static final Path BAD = Path.of("src/test/resources/reports/bad");
    private static final Path MIXED = Path.of("src/test/resources/reports/mixed");
    private static final LoadSettings SETTINGS = new LoadSettings(ZoneId.of("UTC"),
            LoadSettings.DEFAULT_MAX_REPORT_BYTES);

    @TempDir
    Path source;

    private LoadResult loadWritten(String name, byte[] bytes) throws IOException {
        Files.write(source.resolve(name), bytes);
        return new ReportLoader(SETTINGS).load(source);
    }

    private LoadResult loadFixture(String fixture, LoadSettings settings) throws IOException {
        Files.copy(BAD.resolve(fixture), source.resolve(fixture));
        return new ReportLoader(settings).load(source);
    }

    private static Diagnostic only(LoadResult result) {
        assertThat(result.diagnostics()).hasSize(1);
        assertThat(result.incidents()).isEmpty();
        return result.diagnostics().get(0);
    }

    /** A good report's text in a legacy encoding; throws rather than writing '?' for what it cannot encode. */
    private static byte[] encode(Path report, String charset) throws IOException {
        ByteBuffer encoded = Charset.forName(charset).newEncoder()
                .encode(CharBuffer.wrap(Files.readString(report, StandardCharsets.UTF_8)));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    @Test
    void aReportOverTheSizeLimitIsRejectedUnread() throws IOException {
        assertThat(Files.size(BAD.resolve("too-large.md"))).isGreaterThan(2000);
        Diagnostic d = only(loadFixture("too-large.md", SETTINGS.withMaxReportBytes(1000)));
        assertThat(d.code().code()).isEqualTo("HS102");
        assertThat(d.isError()).isTrue();
        assertThat(d.line()).isZero();
        assertThat(d.message()).contains("over the limit of 1000 bytes");
    }

    @Test
    void theSameReportLoadsUnderTheDefaultLimit() throws IOException {
        assertThat(loadFixture("too-large.md", SETTINGS).incidents()).extracting(Incident::id)
                .containsExactly("INC-BAD-TOO-LARGE");
    }

    @Test
    void anEmptyFileIsRejected() throws IOException {
        assertThat(Files.size(BAD.resolve("empty.md"))).isZero();
        Diagnostic d = only(loadFixture("empty.md", SETTINGS));
        assertThat(d.code().code()).isEqualTo("HS103");
        assertThat(d.isError()).isTrue();
        assertThat(d.line()).isZero();
    }

    @Test
    void aFileOfOnlyWhitespaceIsRejectedAsEmpty() throws IOException {
        Diagnostic d = only(loadFixture("whitespace-only.md", SETTINGS));
        assertThat(d.code().code()).isEqualTo("HS103");
        assertThat(d.isError()).isTrue();
        assertThat(d.line()).isZero();
    }

    @Test
    void aBinaryFileNamedMdIsRejected() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        Diagnostic d = only(loadWritten("screenshot.md", png));
        assertThat(d.code().code()).isEqualTo("HS104");
        assertThat(d.isError()).isTrue();
        assertThat(d.line()).isZero();
    }

    @Test
    void invalidUtf8IsReportedWithItsByteOffsetAndLine() throws IOException {
        byte[] before = "# Menu outage\n\nThe caf".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(before);
        bytes.write(new byte[] {(byte) 0xC3, 0x28});
        bytes.write(" menu was empty.\n".getBytes(StandardCharsets.UTF_8));

        Diagnostic d = only(loadWritten("menu.md", bytes.toByteArray()));
        assertThat(d.code().code()).isEqualTo("HS105");
        assertThat(d.isError()).isTrue();
        assertThat(d.line()).isEqualTo(3);
        assertThat(d.column()).isEqualTo(8);
        assertThat(d.message()).contains("byte offset " + before.length, "0xC3");
    }

    @Test
    void aChineseReportSavedAsGb18030IsNamedAsSuch() throws IOException {
        byte[] gb18030 = encode(MIXED.resolve("INC-2025-01-19-001.md"), "GB18030");
        Diagnostic d = only(loadWritten("INC-2025-01-19-001.md", gb18030));
        assertThat(d.code().code()).isEqualTo("HS105");
        assertThat(d.line()).isEqualTo(1);
        assertThat(d.message()).contains("GB18030");
        assertThat(d.hint()).contains("iconv -f GB18030 -t UTF-8");
    }

    @Test
    void aWesternReportSavedAsWindows1252IsNamedAsSuch() throws IOException {
        byte[] windows1252 = encode(MIXED.resolve("INC-2025-07-04-001.md"), "windows-1252");
        Diagnostic d = only(loadWritten("INC-2025-07-04-001.md", windows1252));
        assertThat(d.code().code()).isEqualTo("HS105");
        assertThat(d.line()).isEqualTo(10); // owner: Zoë
        assertThat(d.message()).contains("Windows-1252").doesNotContain("GB18030");
        assertThat(d.hint()).contains("iconv -f Windows-1252 -t UTF-8");
    }

    @Test
    void aReportWithABomAndCrlfLineEndingsLoadsWithoutAnyDiagnostic() throws IOException {
        Path report = MIXED.resolve("INC-2025-01-07-001.md");
        String crlf = Files.readString(report, StandardCharsets.UTF_8).replace("\n", "\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write(crlf.getBytes(StandardCharsets.UTF_8));

        LoadResult result = loadWritten("INC-2025-01-07-001.md", bytes.toByteArray());

        assertThat(result.diagnostics()).isEmpty();
        List<Incident> incidents = result.incidents();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).id()).isEqualTo("INC-2025-01-07-001");
        assertThat(incidents.get(0).title()).isEqualTo("Checkout latency after a Redis cache flush");
        assertThat(incidents.get(0).timeline()).hasSize(3);
        assertThat(incidents.get(0).source().markdown()).doesNotContain("\r", "\uFEFF");
    }
}
