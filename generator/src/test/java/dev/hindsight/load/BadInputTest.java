package dev.hindsight.load;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.model.Incident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each bad report under {@code reports/bad/} gets its own code at its own file line: an error keeps the
 * report out of {@link LoadResult#incidents()}, a warning keeps it in. Each fixture is loaded alone, so
 * the findings asserted are all it gives.
 */
class BadInputTest {
    private static final Path BAD = Path.of("src/test/resources/reports/bad");

    @TempDir
    Path source;

    /** A front-matter tag names this class; snakeyaml must refuse it before it could construct one. */
    public static final class Canary {
        static final AtomicInteger CONSTRUCTED = new AtomicInteger();

        public Canary() {
            CONSTRUCTED.incrementAndGet();
        }

        public Canary(String name) {
            CONSTRUCTED.incrementAndGet();
        }
    }

    private LoadResult load(String fixture) throws IOException {
        Files.copy(BAD.resolve(fixture), source.resolve(fixture));
        return new ReportLoader(new LoadSettings(ZoneId.of("UTC"), LoadSettings.DEFAULT_MAX_REPORT_BYTES)).load(source);
    }

    /** Every finding as "HS111 error at line 5", in file order. */
    private static List<String> findings(LoadResult result) {
        return result.diagnostics().stream()
                .map(d -> d.code().code() + " " + d.level().label() + " at line " + d.line())
                .toList();
    }

    private static String message(LoadResult result) {
        assertThat(result.diagnostics()).hasSize(1);
        return result.diagnostics().get(0).message();
    }

    private static void assertKept(LoadResult result, String id) {
        assertThat(result.incidents()).extracting(Incident::id).containsExactly(id);
    }

    // --- the front matter as YAML

    @Test
    void invalidYamlIsReportedAtTheFileLineNotTheLineWithinTheFrontMatter() throws IOException {
        LoadResult result = load("invalid-yaml-indentation.md");
        assertThat(findings(result)).containsExactly("HS111 error at line 5");
        assertThat(result.diagnostics().get(0).column()).isEqualTo(10);
        assertThat(message(result)).contains("mapping values are not allowed here");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void anUnclosedFrontMatterIsReportedOnLineOne() throws IOException {
        LoadResult result = load("unclosed-front-matter.md");
        assertThat(findings(result)).containsExactly("HS110 error at line 1");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void aFrontMatterThatIsAListIsNotAMapping() throws IOException {
        LoadResult result = load("front-matter-list.md");
        assertThat(findings(result)).containsExactly("HS112 error at line 2");
        assertThat(message(result)).contains("not a list");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void aFrontMatterThatIsAPlainScalarIsNotAMapping() throws IOException {
        LoadResult result = load("front-matter-scalar.md");
        assertThat(findings(result)).containsExactly("HS112 error at line 2");
        assertThat(message(result)).contains("not a single value");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void aControlCharacterInTheFrontMatterIsInvalidYamlAtItsOwnLine() throws IOException {
        LoadResult result = load("control-character-in-front-matter.md");
        assertThat(findings(result)).containsExactly("HS111 error at line 6");
        assertThat(result.diagnostics().get(0).column()).isEqualTo(31);
        assertThat(message(result)).contains("U+001B");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void aGlobalTagThatNamesAJavaClassIsRefused() throws IOException {
        LoadResult result = load("global-tag-java-class.md");
        assertThat(findings(result)).containsExactly("HS114 error at line 6");
        assertThat(message(result)).contains("java.io.File");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void aGlobalTagUriIsRefused() throws IOException {
        LoadResult result = load("global-tag-uri.md");
        assertThat(findings(result)).containsExactly("HS114 error at line 6");
        assertThat(message(result)).contains("tag:example.com,2000:x");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void aGlobalTagIsRefusedWithoutConstructingTheClassItNames() throws IOException {
        LoadResult result = load("global-tag-canary.md");
        assertThat(findings(result)).containsExactly("HS114 error at line 6");
        assertThat(Canary.CONSTRUCTED).hasValue(0);
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void aKeyWrittenTwiceIsReportedAtItsSecondOccurrence() throws IOException {
        LoadResult result = load("duplicate-key.md");
        assertThat(findings(result)).containsExactly("HS115 error at line 6");
        assertThat(message(result)).contains("'severity'", "first on line 4");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void aMisspeltKeyIsAWarningAtItsLineAndTheFieldItMeantIsMissing() throws IOException {
        LoadResult result = load("typo-key-serverity.md");
        assertThat(findings(result)).containsExactly("HS120 error at line 1", "HS116 warning at line 4");
        assertThat(result.diagnostics().get(1).message()).contains("'serverity'", "did you mean 'severity'?");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void aCapitalisedKeyIsReportedAsALikelyTypoRatherThanSilentlyIgnored() throws IOException {
        LoadResult result = load("typo-key-capitalised.md");
        assertThat(findings(result)).containsExactly("HS120 error at line 1", "HS116 warning at line 4");
        assertThat(result.diagnostics().get(1).message()).contains("'Severity'", "did you mean 'severity'?");
    }

    // --- the report's fields

    @Test
    void aTitleWrittenAsAListIsAWrongType() throws IOException {
        LoadResult result = load("wrong-type-title-list.md");
        assertThat(findings(result)).containsExactly("HS121 error at line 3");
        assertThat(message(result)).contains("'title'", "not a list");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void servicesWrittenAsAMappingAreAWrongTypeAtTheMappingsFirstLine() throws IOException {
        LoadResult result = load("wrong-type-services-mapping.md");
        assertThat(findings(result)).containsExactly("HS121 error at line 7");
        assertThat(message(result)).contains("'services'", "not a mapping");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void affectedUsersWrittenAsAWordAreAWrongType() throws IOException {
        LoadResult result = load("wrong-type-impact-users.md");
        assertThat(findings(result)).containsExactly("HS121 error at line 8");
        assertThat(message(result)).contains("'users'", "'lots'");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void actionsWrittenAsOneSentenceAreAWrongType() throws IOException {
        LoadResult result = load("wrong-type-actions-string.md");
        assertThat(findings(result)).containsExactly("HS121 error at line 7");
        assertThat(message(result)).contains("'actions'", "not a single value");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void aSeverityThatNamesNoLevelIsAnUnknownValueAndNotAlsoMissing() throws IOException {
        LoadResult result = load("unknown-severity.md");
        assertThat(findings(result)).containsExactly("HS122 error at line 4");
        assertThat(message(result)).contains("'critical-ish'").doesNotContain("did you mean");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void aSeverityBeyondP4IsNotTakenForATypoOfP0() throws IOException {
        LoadResult result = load("unknown-severity-p7.md");
        assertThat(findings(result)).containsExactly("HS122 error at line 4");
        assertThat(message(result)).contains("'P7'").doesNotContain("did you mean");
        assertThat(result.diagnostics().get(0).hint()).contains("P0", "P4");
    }

    @Test
    void aMisspeltReportStatusSuggestsTheStatusMeant() throws IOException {
        LoadResult result = load("unknown-report-status.md");
        assertThat(findings(result)).containsExactly("HS122 error at line 5");
        assertThat(message(result)).contains("'finl'", "did you mean 'final'?");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void aMisspeltActionPrioritySuggestsThePriorityMeant() throws IOException {
        LoadResult result = load("unknown-action-priority.md");
        assertThat(findings(result)).containsExactly("HS122 error at line 10");
        assertThat(message(result)).contains("'hgih'", "did you mean 'high'?");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void anImpossibleStartDateIsAnInvalidDateAndNotAlsoMissing() throws IOException {
        LoadResult result = load("impossible-started-date.md");
        assertThat(findings(result)).containsExactly("HS123 error at line 5");
        assertThat(message(result)).contains("2025-02-30", "not a real calendar date");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void anImpossibleDueDateIsAnInvalidDate() throws IOException {
        LoadResult result = load("impossible-due-date.md");
        assertThat(findings(result)).containsExactly("HS123 error at line 10");
        assertThat(message(result)).contains("'due'", "2025-02-30");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void anUnreadableSeedIncidentTimeIsAnInvalidDateAtItsLine() throws IOException {
        LoadResult result = load("seed-unreadable-incident-time.md");
        assertThat(findings(result)).containsExactly("HS123 error at line 6");
        assertThat(message(result)).contains("昨天晚上大概七点");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void detectedBeforeStartedIsReportedAtTheDetectedLine() throws IOException {
        LoadResult result = load("detected-before-started.md");
        assertThat(findings(result)).containsExactly("HS124 error at line 6");
        assertThat(message(result)).startsWith("'detected'");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void resolvedBeforeStartedInAnotherOffsetIsReportedAtTheResolvedLine() throws IOException {
        LoadResult result = load("resolved-before-started.md");
        assertThat(findings(result)).containsExactly("HS124 error at line 7");
        assertThat(message(result)).startsWith("'resolved'");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void anIdWithASpaceAndAPathInItIsInvalid() throws IOException {
        LoadResult result = load("invalid-id.md");
        assertThat(findings(result)).containsExactly("HS125 error at line 2");
        assertThat(message(result)).contains("'INC 2025/../x'");
        assertThat(result.incidents()).isEmpty();
    }

    @Test
    void aMissingIdIsAMissingField() throws IOException {
        assertMissing("missing-id.md", "id");
    }

    @Test
    void aMissingTitleWithoutAHeadingIsAMissingField() throws IOException {
        assertMissing("missing-title.md", "title");
    }

    @Test
    void aMissingSeverityIsAMissingField() throws IOException {
        assertMissing("missing-severity.md", "severity");
    }

    @Test
    void aMissingStartIsAMissingField() throws IOException {
        assertMissing("missing-started.md", "started");
    }

    private void assertMissing(String fixture, String field) throws IOException {
        LoadResult result = load(fixture);
        assertThat(findings(result)).containsExactly("HS120 error at line 1");
        assertThat(message(result)).contains("'" + field + "'");
        assertThat(result.incidents()).isEmpty();
    }

    // --- warnings: the report is kept

    @Test
    void aTimelineRowWithAnUnreadableTimeIsSkippedWithAWarning() throws IOException {
        LoadResult result = load("timeline-unreadable-time.md");
        assertThat(findings(result)).containsExactly("HS130 warning at line 15");
        assertThat(message(result)).contains("around ten");
        assertKept(result, "INC-WARN-TIMELINE");
        assertThat(result.incidents().get(0).timeline()).extracting(e -> e.event())
                .containsExactly("Catalogue import started", "Index caught up");
    }

    @Test
    void aCompletedActionWithoutACompletionDateIsAWarning() throws IOException {
        LoadResult result = load("completed-without-date.md");
        assertThat(findings(result)).containsExactly("HS140 warning at line 8");
        assertThat(message(result)).contains("action A1");
        assertKept(result, "INC-WARN-COMPLETED");
    }

    @Test
    void anActionDueBeforeTheIncidentIsAWarning() throws IOException {
        LoadResult result = load("due-before-incident.md");
        assertThat(findings(result)).containsExactly("HS141 warning at line 8");
        assertThat(message(result)).contains("2025-03-01");
        assertKept(result, "INC-WARN-DUE");
    }

    @Test
    void garbageChecklistAnnotationsAreWarningsOnTheirItemsLines() throws IOException {
        LoadResult result = load("seed-garbage-annotations.md");
        assertThat(findings(result)).containsExactly(
                "HS142 warning at line 18", "HS142 warning at line 19", "HS142 warning at line 20");
        assertThat(result.diagnostics()).extracting(Diagnostic::message).satisfiesExactly(
                due -> assertThat(due).contains("due:tomorrow"),
                priority -> assertThat(priority).contains("'urgentish'"),
                key -> assertThat(key).contains("'prority:'", "did you mean 'priority:'?"));
        assertKept(result, "INC-WARN-SEED-ANNOTATIONS");
        assertThat(result.incidents().get(0).actions()).hasSize(3);
    }
}
