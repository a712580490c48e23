package dev.hindsight.site;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Owners and item ids written in ways that need care (src/test/resources/reports/action-pages): an item
 * owner spelled differently from the report owner, two names that fold to one slug, a person literally
 * called "Unassigned" beside items nobody owns, an item id with a space, an item id whose row id is also
 * a heading anchor of the report body.
 */
class ActionOwnerSlugsTest {
    private static final Path REPORTS = Path.of("src/test/resources/reports/action-pages");
    private static final String OWNERS = "INC-2026-03-01-001";
    private static final String NO_OWNER = "INC-2026-04-01-001";

    @TempDir
    static Path out;

    private static BuiltSite site;

    @BeforeAll
    static void build() {
        site = BuiltSite.build(REPORTS, out, BuiltSite.settings());
        assertThat(site.result().site().written()).isTrue();
        assertThat(site.result().hasErrors()).isFalse();
    }

    /** The site path of each owner's page → the owner's name as shown. */
    private static Map<String, String> ownerPages() {
        return site.page("actions/owners/index.html").select("table#action-owners > tbody > tr > th a").stream()
                .collect(Collectors.toMap(a -> a.attr("href").replaceFirst("^\\.\\./\\.\\./", ""), Element::text));
    }

    @Test
    void anItemOwnerSpelledDifferentlyFromTheReportOwnerSharesTheirSlug() {
        assertThat(ownerPages()).containsEntry("actions/owners/maria/index.html", "maria");
        assertThat(site.page("actions/owners/maria/index.html").select("nav.related-links a").first().attr("href"))
                .isEqualTo("../../../owners/maria/index.html");
    }

    @Test
    void namesThatFoldToTheSameSlugGetTheirOwnPages() {
        assertThat(ownerPages()).containsEntry("actions/owners/lee-chen/index.html", "Lee Chen")
                .containsEntry("actions/owners/lee-chen-2/index.html", "lee-chen");
        assertThat(site.page("actions/owners/lee-chen-2/index.html").selectFirst("h1").text())
                .isEqualTo("Action items of lee-chen");
    }

    @Test
    void itemsWithoutAnOwnerHaveAPageThatNoOwnerNamedUnassignedCanTake() {
        assertThat(ownerPages()).containsEntry("actions/owners/unassigned/index.html", "Unassigned")
                .containsEntry("actions/owners/unassigned-2/index.html", "Unassigned");
        Document nobody = site.page("actions/owners/unassigned-2/index.html");
        assertThat(nobody.selectFirst("h1").text()).isEqualTo("Action items without an owner");
        assertThat(nobody.select("table#owner-overdue > tbody > tr > td:first-child").eachText())
                .containsExactly(NO_OWNER + "/A1");
        Document named = site.page("actions/owners/unassigned/index.html");
        assertThat(named.selectFirst("h1").text()).isEqualTo("Action items of Unassigned");
        assertThat(named.select("table#owner-closed > tbody > tr > td:first-child").eachText())
                .containsExactly(NO_OWNER + "/A2");
        // The unassigned items come last in the owners' table.
        assertThat(site.page("actions/owners/index.html").select("table#action-owners > tbody > tr").last()
                .selectFirst("a").attr("href")).isEqualTo("../../actions/owners/unassigned-2/index.html");
    }

    @Test
    void itemIdsBecomeRowIdsThatNeedNoEscapingAndRepeatNothingOnThePage() {
        Document incident = site.page("incidents/" + OWNERS + "/index.html");

        assertThat(incident.select("table#hs-action-items > tbody > tr")).extracting(Element::id)
                .containsExactly("action-A-1", "action-a2-2", "action-A3", "action-A4");
        assertThat(incident.getElementById("action-a2").tagName()).isEqualTo("h2");
        assertThat(site.page("actions/index.html").select("table#actions td:first-child a").eachAttr("href"))
                .contains("../incidents/" + OWNERS + "/index.html#action-A-1",
                        "../incidents/" + OWNERS + "/index.html#action-a2-2");
    }

    @Test
    void theOwnerFilterMatchesRowsBySlug() {
        Document index = site.page("actions/index.html");

        assertThat(index.select("form.filters select[name=owner] option[value~=.]"))
                .extracting(o -> o.attr("value"), Element::text)
                .containsExactly(tuple("lee-chen", "Lee Chen"), tuple("unassigned", "Unassigned"),
                        tuple("lee-chen-2", "lee-chen"), tuple("maria", "maria"), tuple("unassigned-2", "Unassigned"));
        assertThat(index.select("table#actions > tbody > tr[data-owner=unassigned-2] td:first-child").eachText())
                .containsExactly(NO_OWNER + "/A1");
    }
}
