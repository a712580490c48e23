package dev.hindsight.export;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The sample reports as the whole suite uses them (as of 2026-11-25 in Asia/Shanghai), loaded into a
 * knowledge base for the exports to render.
 */
final class SampleKnowledgeBase {
    static final Path SAMPLE = Path.of("../sample-site/src/postmortems");
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LoadSettings LOAD = new LoadSettings(ZONE, LoadSettings.DEFAULT_MAX_REPORT_BYTES);
    static final ExportContext ENGLISH = new ExportContext(null, Locale.ENGLISH, "Post-mortems");
    static final ExportContext CHINESE_WITH_BASE_URL =
            new ExportContext("https://postmortems.example.com/ops", Locale.forLanguageTag("zh-CN"),
                    "Post-mortems");

    private SampleKnowledgeBase() {
    }

    /** A freshly loaded knowledge base each time, so two renders share nothing. */
    static KnowledgeBase load() {
        LoadResult result = new ReportLoader(LOAD).load(SAMPLE);
        if (result.errorCount() > 0) {
            throw new IllegalStateException("the sample has errors: " + result.diagnostics());
        }
        return new KnowledgeBase(result.incidents(), AS_OF);
    }
}
