package dev.hindsight.load;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Incident;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every file of the hostile corpus ({@link HostileCorpus}), loaded together: each gets exactly the
 * findings listed here (an error leaves it out, otherwise it loads), no file of the corpus goes
 * unaccounted for, and nothing beside the source directory is ever read.
 */
class HostileCorpusTest {
    /** Path → the codes it must get, in file order; files not rejected load. */
    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        rejected("deep-blockquote.md", "HS131");
        rejected("deep-bullet-list.md", "HS131");
        rejected("deep-ordered-list.md", "HS131");
        rejected("deep-quote-and-list.md", "HS131");
        loads("deep-emphasis-and-brackets.md");
        rejected("deep-yaml-nesting.md", "HS113");
        loads("heading-of-open-parentheses.md");
        loads("heading-of-numbering.md");
        loads("checklist-trailing-separators.md");
        loads("tag-of-dots.md");
        loads("long-tag-and-service.md");

        rejected("id-zero-width-space.md", "HS125");
        rejected("id-bidi-override.md", "HS125");
        rejected("id-homoglyph-cyrillic.md", "HS125");
        rejected("id-kelvin-sign.md", "HS125");
        loads("id-case-fold-a.md");
        rejected("id-case-fold-b.md", "HS126");
        rejected("id-dot-dot-path.md", "HS125");
        rejected("id-dot-dot.md", "HS125");
        rejected("id-dot.md", "HS125");
        rejected("id-absolute-path.md", "HS125");
        rejected("id-too-long.md", "HS125");
        loads("id-number.md");
        loads("id-date.md");
        rejected("seed-id-bidi.md", "HS125");

        loads("dates-as-strings.md");
        loads("strings-as-dates.md");
        rejected("number-as-date.md", "HS123");
        rejected("impossible-date-string.md", "HS123");

        loads("yaml-anchors-and-merge.md");
        rejected("yaml-java-script-engine.md", "HS114");
        rejected("yaml-verbatim-java-tag.md", "HS114");
        rejected("yaml-binary-tag.md", "HS114");
        rejected("yaml-set-tag.md", "HS114");
        rejected("yaml-local-tag-on-key.md", "HS114");
        rejected("yaml-list-document.md", "HS112");
        loads("yaml-two-documents.md");

        loads("emoji-and-surrogate-pairs.md");
        warned("bidi-and-zero-width-title.md", "HS128", "HS128");
        loads("nul-in-body-after-8k.md");
        loads("control-characters-in-body.md");

        loads("image-dot-dot.md"); // its links are refused when the site is rendered (HostileSiteTest)
        loads("image-absolute-path.md");
        loads("link-file-url.md");
        loads("link-to-active-attachments.md");
        loads("xss-front-matter-fields.md");
        loads("xss-markdown.md");
        loads("xss-markers-and-beacons.md");
        loads("xss-seed-template.md");
        loads("csv-injection.md");
        loads("ics-edge-cases.md");

        loads("generated/big-table.md");
        loads("generated/one-megabyte-line.md");
        loads("generated/long-unbroken-chinese.md");
        rejected("generated/nul-byte.md", "HS104");
        rejected("generated/windows-1252.md", "HS105");
        rejected("generated/gb18030.md", "HS105");
        rejected("generated/utf-16le.md", "HS104");
        rejected("generated/encoded-lone-surrogate.md", "HS105");

        rejected("links/linked-outside-report.md", "HS106");
        rejected("links/linked-outside-folder", "HS106");
        loads("links/loop/in-a-loop.md");
        rejected("links/self-link.md", "HS101");
        loads("links/image-through-link.md");
    }

    private static void rejected(String path, String... codes) {
        EXPECTED.put(path, List.of(codes));
    }

    /** Loads, with these warnings. */
    private static void warned(String path, String... codes) {
        EXPECTED.put(path, List.of(codes));
    }

    private static void loads(String path) {
        EXPECTED.put(path, List.of());
    }

    @TempDir
    static Path temp;
    private static Path source;
    private static LoadResult result;

    @BeforeAll
    static void load() throws IOException {
        source = HostileCorpus.write(temp);
        result = new ReportLoader(new LoadSettings(ZoneId.of("UTC"), LoadSettings.DEFAULT_MAX_REPORT_BYTES)).load(source);
    }

    private static List<String> codes(String path) {
        return result.diagnostics().stream().filter(d -> d.path().equals(path)).map(d -> d.code().code()).toList();
    }

    private static Optional<Incident> incident(String path) {
        return result.incidents().stream().filter(i -> i.source().path().equals(path)).findFirst();
    }

    private static Diagnostic only(String path) {
        List<Diagnostic> found = result.diagnostics().stream().filter(d -> d.path().equals(path)).toList();
        assertThat(found).as(path).hasSize(1);
        return found.get(0);
    }

    @Test
    void thereAreAtLeastFortyHostileFilesAndEachIsAccountedFor() throws IOException {
        assertThat(EXPECTED).hasSizeGreaterThanOrEqualTo(40);
        List<String> reports;
        try (Stream<Path> files = Files.walk(HostileCorpus.COMMITTED)) {
            reports = files.filter(f -> f.toString().endsWith(".md"))
                    .map(f -> HostileCorpus.COMMITTED.relativize(f).toString().replace('\\', '/')).toList();
        }
        assertThat(EXPECTED.keySet()).containsAll(reports);
        TreeSet<String> seen = new TreeSet<>();
        result.incidents().forEach(i -> seen.add(i.source().path()));
        result.diagnostics().forEach(d -> seen.add(d.path()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @Test
    void everyFileGetsExactlyItsFindingsAndLoadsUnlessOneIsAnError() {
        List<String> wrong = new ArrayList<>();
        EXPECTED.forEach((path, codes) -> {
            if (!codes(path).equals(codes)) {
                wrong.add(path + ": expected " + codes + " but got " + codes(path));
            }
            boolean errors = result.diagnostics().stream().anyMatch(d -> d.path().equals(path) && d.isError());
            if (incident(path).isPresent() == errors) {
                wrong.add(path + (errors ? " has an error but loaded" : " did not load"));
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void directionControlsAreRemovedFromTitlesAndTermsButKeptInTheBody() {
        Incident incident = incident("bidi-and-zero-width-title.md").orElseThrow();

        assertThat(incident.title()).isEqualTo("Payment gnp.exe outage \u200b\u200dx");
        assertThat(incident.tags()).containsExactly("evil", "zw\u200bsp");
        assertThat(incident.source().markdown()).contains("\u202eoverride\u202c", "\u2067isolate\u2069");
        assertThat(result.diagnostics()).filteredOn(d -> d.path().equals("bidi-and-zero-width-title.md"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactlyInAnyOrder(tuple(6,
                                "'title' holds Unicode direction controls (U+202A-U+202E, U+2066-U+2069); they were removed"),
                        tuple(1,
                                "'tags' holds Unicode direction controls (U+202A-U+202E, U+2066-U+2069); they were removed"));
    }

    @Test
    void nothingOutsideTheSourceDirectoryIsLoaded() {
        assertThat(result.incidents()).extracting(Incident::id).doesNotContain(HostileCorpus.CANARY_ID);
        assertThat(result.incidents()).allSatisfy(i -> assertThat(i.source().markdown()).doesNotContain(HostileCorpus.CANARY));
        assertThat(result.diagnostics()).allSatisfy(d -> assertThat(d.path()).doesNotStartWith("..").doesNotContain("outside/"));
    }

    @Test
    void theDeepestNestingIsRefusedWithItsOwnMessageNotAStackTrace() {
        assertThat(only("deep-blockquote.md").message()).contains("more than 100 levels deep");
        assertThat(only("deep-blockquote.md").hint()).contains("code block");
    }

    @Test
    void encodingsAreNamedSoTheAuthorKnowsWhichConversionToRun() {
        assertThat(only("generated/windows-1252.md").message()).contains("Windows-1252");
        assertThat(only("generated/gb18030.md").message()).contains("GB18030");
        assertThat(only("generated/gb18030.md").hint()).contains("iconv -f GB18030 -t UTF-8");
    }

    @Test
    void idsThatWouldNameAnotherFolderOrATooLongFileAreRefusedWithTheReason() {
        assertThat(only("id-dot-dot.md").message()).contains("must start with a letter or a digit");
        assertThat(only("id-dot.md").message()).contains("must start with a letter or a digit");
        assertThat(only("id-too-long.md").message()).contains("300 characters long", "at most 100").hasSizeLessThan(200);
        assertThat(only("id-dot-dot-path.md").message()).contains("may only contain");
    }

    @Test
    void idsThatDifferOnlyInCaseCollide() {
        assertThat(only("id-case-fold-b.md").message()).contains("id-case-fold-a.md");
    }

    @Test
    void typeNamingTagsAreRefusedWithoutConstructingAnything() {
        assertThat(only("yaml-java-script-engine.md").message()).contains("javax.script.ScriptEngineManager");
        assertThat(only("yaml-verbatim-java-tag.md").message()).contains("java.lang.ProcessBuilder");
    }

    @Test
    void valuesOfTheWrongYamlTypeAreReadAsTheirText() {
        assertThat(incident("id-number.md")).get().extracting(Incident::id).isEqualTo("20260201");
        assertThat(incident("id-date.md")).get().extracting(Incident::id).isEqualTo("2026-02-01");
        Incident strings = incident("strings-as-dates.md").orElseThrow();
        assertThat(strings.title()).isEqualTo("2026-02-01");
        assertThat(strings.tags()).contains("2026-02-03");
        assertThat(incident("dates-as-strings.md").orElseThrow().times().resolved()).isNotNull();
    }

    @Test
    void anchorsAndMergeKeysWorkWithExplicitKeysWinning() {
        Incident merged = incident("yaml-anchors-and-merge.md").orElseThrow();
        assertThat(merged.owner()).isEqualTo("Anchored title");
        assertThat(merged.actions()).extracting(ActionItem::priority).extracting(p -> p.label())
                .containsExactly("low", "high");
        assertThat(merged.actions()).extracting(ActionItem::owner).containsOnly("alice");
    }

    @Test
    void largeInputsKeepAllTheirText() {
        assertThat(incident("generated/one-megabyte-line.md").orElseThrow().source().markdown()).hasSizeGreaterThan(1024 * 1024);
        assertThat(incident("generated/big-table.md").orElseThrow().source().markdown()).contains("| row 99999 |");
        assertThat(incident("generated/long-unbroken-chinese.md")).isPresent();
    }

    @Test
    void aChecklistItemWithThousandsOfSeparatorsKeepsItsAnnotations() {
        ActionItem item = incident("checklist-trailing-separators.md").orElseThrow().actions().get(0);
        assertThat(item.owner()).isEqualTo("alice");
        assertThat(item.description()).startsWith("fix it").endsWith("now");
    }
}
