package dev.hindsight.site;

import dev.hindsight.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A build is all or nothing: a template that breaks while pages are being written, or one that does not
 * compile, leaves the previous site exactly as it was and no half-written directory beside it; a custom
 * template that works replaces its built-in namesake and nothing else.
 */
class AtomicBuildTest {
    private static final Path BUILT_IN_TEMPLATES = Path.of("src/main/jte");
    private static final Path TEMPLATE_FIXTURES = Path.of("src/test/resources/templates");
    private static final String FAILING_ID = "INC-2025-10-05-001";

    @TempDir
    Path temp;

    private static SiteSettings withTemplates(Path directory) {
        SiteSettings defaults = BuiltSite.settings();
        return new SiteSettings(defaults.title(), defaults.locale(), defaults.asOf(), defaults.zone(), null, null,
                false, directory);
    }

    /**
     * The built-in incident template plus one line that throws while rendering one incident. Made from the
     * built-in source at test time so that it always matches the current page model.
     */
    private Path templatesFailingOn(String incidentId) throws IOException {
        String builtIn = Files.readString(BUILT_IN_TEMPLATES.resolve("incident.jte"), StandardCharsets.UTF_8);
        String failing = builtIn.replace("@template.layout(", "@if(page.id().equals(\"" + incidentId + "\"))"
                + "${Integer.parseInt(\"boom\")}@endif\n@template.layout(");
        assertThat(failing).isNotEqualTo(builtIn);
        Path directory = Files.createDirectories(temp.resolve("failing-templates"));
        Files.writeString(directory.resolve("incident.jte"), failing, StandardCharsets.UTF_8);
        return directory;
    }

    /**
     * What sits beside the site: a failed build must leave no staging or old-site directory there. The
     * lock file stays by design (deleting it would let two builds lock two different files).
     */
    static List<String> besideTheSite(Path site) throws IOException {
        try (Stream<Path> entries = Files.list(site.getParent())) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("." + site.getFileName()))
                    .filter(n -> !n.equals("." + site.getFileName() + ".lock"))
                    .toList();
        }
    }

    private static List<String> codes(BuiltSite site) {
        return site.result().site().diagnostics().stream().map(d -> d.code().code()).toList();
    }

    @Test
    void aTemplateFailingHalfWayLeavesThePreviousSiteAsItWas() throws IOException {
        Path out = temp.resolve("site");
        assertThat(BuiltSite.sample(out).result().site().written()).isTrue();
        Map<String, String> before = BuiltSite.files(out);

        BuiltSite failed = BuiltSite.build(BuiltSite.SAMPLE, out, withTemplates(templatesFailingOn(FAILING_ID)));

        assertThat(failed.result().site().written()).isFalse();
        assertThat(failed.result().site().pages()).isZero();
        assertThat(failed.result().site().diagnostics()).filteredOn(d -> d.code().code().equals("HS160"))
                .singleElement().satisfies(d -> {
                    assertThat(d.isError()).isTrue();
                    assertThat(d.message()).contains("rendering failed", "boom");
                });
        assertThat(failed.result().hasErrors()).isTrue();
        assertThat(BuiltSite.files(out)).isEqualTo(before);
        assertThat(besideTheSite(out)).isEmpty();
    }

    @Test
    void aTemplateFailingOnTheFirstBuildWritesNoSiteAtAll() throws IOException {
        Path out = temp.resolve("site");

        BuiltSite failed = BuiltSite.build(BuiltSite.SAMPLE, out, withTemplates(templatesFailingOn(FAILING_ID)));

        assertThat(failed.result().site().written()).isFalse();
        assertThat(codes(failed)).contains("HS160");
        assertThat(out).doesNotExist();
        assertThat(besideTheSite(out)).isEmpty();
    }

    @Test
    void aTemplateThatDoesNotCompileIsReportedAndWritesNothing() throws IOException {
        Path out = temp.resolve("site");
        assertThat(BuiltSite.sample(out).result().site().written()).isTrue();
        Map<String, String> before = BuiltSite.files(out);

        BuiltSite broken = BuiltSite.build(BuiltSite.SAMPLE, out, withTemplates(TEMPLATE_FIXTURES.resolve("broken")));
        BuiltSite brokenFresh = BuiltSite.build(BuiltSite.SAMPLE, temp.resolve("fresh"),
                withTemplates(TEMPLATE_FIXTURES.resolve("broken")));

        assertThat(broken.result().site().written()).isFalse();
        assertThat(broken.result().site().diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code().code()).isEqualTo("HS160");
            assertThat(d.message()).contains("do not compile", "home.jte");
            assertThat(d.hint()).isNotBlank();
        });
        assertThat(BuiltSite.files(out)).isEqualTo(before);
        assertThat(besideTheSite(out)).isEmpty();
        assertThat(codes(brokenFresh)).containsExactly("HS160");
        assertThat(temp.resolve("fresh")).doesNotExist();
        assertThat(besideTheSite(temp.resolve("fresh"))).isEmpty();
    }

    @Test
    void aTemplateDirectoryThatDoesNotExistIsReportedAndWritesNothing() {
        Path out = temp.resolve("site");

        BuiltSite missing = BuiltSite.build(BuiltSite.SAMPLE, out, withTemplates(temp.resolve("no-such-templates")));

        assertThat(missing.result().site().diagnostics()).extracting(Diagnostic::code)
                .extracting(c -> c.code()).containsExactly("HS160");
        assertThat(out).doesNotExist();
    }

    @Test
    void aCustomTemplateReplacesItsBuiltInNamesakeAndNothingElse() {
        BuiltSite builtIn = BuiltSite.sample(temp.resolve("built-in"));
        BuiltSite custom = BuiltSite.build(BuiltSite.SAMPLE, temp.resolve("custom"),
                withTemplates(TEMPLATE_FIXTURES.resolve("custom-not-found")));

        assertThat(custom.result().site().written()).isTrue();
        assertThat(custom.result().site().diagnostics()).isEqualTo(builtIn.result().site().diagnostics());
        assertThat(custom.page("404.html").select("p.custom-help").text()).isEqualTo("Lost? Ask in #sre-postmortems.");
        assertThat(custom.page("404.html").select("h1").text()).isEqualTo("Page not found");
        assertThat(builtIn.page("404.html").select("p.custom-help")).isEmpty();

        Map<String, String> customFiles = new TreeMap<>(BuiltSite.files(custom.root()));
        Map<String, String> builtInFiles = new TreeMap<>(BuiltSite.files(builtIn.root()));
        assertThat(customFiles.remove(SitePaths.NOT_FOUND)).isNotEqualTo(builtInFiles.remove(SitePaths.NOT_FOUND));
        assertThat(customFiles).isEqualTo(builtInFiles);
    }

    /** The built-in incident page as templates written before the body became bytes have it: the same site. */
    @Test
    void anIncidentTemplateWritingTheBodyAsAStringStillWorks() throws IOException {
        String builtIn = Files.readString(BUILT_IN_TEMPLATES.resolve("incident.jte"), StandardCharsets.UTF_8);
        String older = builtIn.replace("${page.body()}", "$unsafe{page.bodyHtml()}");
        assertThat(older).isNotEqualTo(builtIn);
        Path directory = Files.createDirectories(temp.resolve("older-templates"));
        Files.writeString(directory.resolve("incident.jte"), older, StandardCharsets.UTF_8);

        BuiltSite builtInSite = BuiltSite.sample(temp.resolve("built-in"));
        BuiltSite olderSite = BuiltSite.build(BuiltSite.SAMPLE, temp.resolve("older"), withTemplates(directory));

        assertThat(olderSite.result().site().written()).isTrue();
        assertThat(BuiltSite.files(olderSite.root())).isEqualTo(BuiltSite.files(builtInSite.root()));
    }

    /**
     * An incident table as themes wrote it before its rows became a template of their own (and were shared between
     * the taxonomy pages): each row written from its fields. The same site.
     */
    @Test
    void anIncidentTableWritingItsRowsItselfStillWorks() throws IOException {
        String table = Files.readString(BUILT_IN_TEMPLATES.resolve("components/incidentTable.jte"), StandardCharsets.UTF_8);
        String row = Files.readString(BUILT_IN_TEMPLATES.resolve("components/incidentRow.jte"), StandardCharsets.UTF_8);
        String rowBody = row.substring(row.indexOf("<tr"));
        String older = table.replace("@for(var row : rows)${row.html()}@endfor</tbody>",
                "@for(var row : rows)\n" + rowBody + "@endfor\n</tbody>");
        assertThat(older).isNotEqualTo(table);
        Path directory = Files.createDirectories(temp.resolve("older-table").resolve("components"));
        Files.writeString(directory.resolve("incidentTable.jte"), older, StandardCharsets.UTF_8);

        BuiltSite builtInSite = BuiltSite.sample(temp.resolve("built-in"));
        BuiltSite olderSite = BuiltSite.build(BuiltSite.SAMPLE, temp.resolve("older"),
                withTemplates(directory.getParent()));

        assertThat(olderSite.result().site().written()).isTrue();
        assertThat(BuiltSite.files(olderSite.root())).isEqualTo(BuiltSite.files(builtInSite.root()));
    }

    /** A theme's own row template is what every incident table shows, the taxonomy pages' shared rows included. */
    @Test
    void aCustomRowTemplateIsUsedByEveryIncidentTable() throws IOException {
        String row = Files.readString(BUILT_IN_TEMPLATES.resolve("components/incidentRow.jte"), StandardCharsets.UTF_8);
        String custom = row.replace("<td>${row.title()}</td>", "<td class=\"custom-title\">${row.title()}</td>");
        assertThat(custom).isNotEqualTo(row);
        Path directory = Files.createDirectories(temp.resolve("custom-row").resolve("components"));
        Files.writeString(directory.resolve("incidentRow.jte"), custom, StandardCharsets.UTF_8);

        BuiltSite site = BuiltSite.build(BuiltSite.SAMPLE, temp.resolve("custom"), withTemplates(directory.getParent()));

        assertThat(site.result().site().written()).as(site.result().site().diagnostics().toString()).isTrue();
        int incidents = site.page(SitePaths.INCIDENTS).select("#incidents tbody tr").size();
        assertThat(incidents).isPositive();
        assertThat(site.page(SitePaths.INCIDENTS).select("#incidents tbody td.custom-title")).hasSize(incidents);
        List<Path> termPages;
        try (Stream<Path> pages = Files.walk(site.root().resolve("tags"))) {
            termPages = pages.filter(p -> p.getFileName().toString().equals("index.html"))
                    .filter(p -> !p.getParent().equals(site.root().resolve("tags"))).toList();
        }
        assertThat(termPages).hasSizeGreaterThan(3);
        for (Path page : termPages) {
            var rows = BuiltSite.parse(page).select("#incidents tbody tr");
            assertThat(rows).as(page.toString()).isNotEmpty();
            assertThat(rows.select("td.custom-title")).as(page.toString()).hasSize(rows.size());
        }
    }

    /** The row template is rendered by name, not through a page, and a broken one still fails before writing. */
    @Test
    void aBrokenRowTemplateFailsBeforeWriting() throws IOException {
        Path directory = Files.createDirectories(temp.resolve("broken-row").resolve("components"));
        Files.writeString(directory.resolve("incidentRow.jte"), "@param dev.hindsight.site.page.IncidentRow row\n"
                + "<tr><td>${row.noSuchField()}</td></tr>\n", StandardCharsets.UTF_8);

        BuiltSite broken = BuiltSite.build(BuiltSite.SAMPLE, temp.resolve("broken"), withTemplates(directory.getParent()));

        assertThat(broken.result().site().written()).isFalse();
        assertThat(broken.result().site().diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code().code()).isEqualTo("HS160");
            assertThat(d.message()).contains("do not compile", "incidentRow.jte");
        });
        assertThat(temp.resolve("broken")).doesNotExist();
    }
}
