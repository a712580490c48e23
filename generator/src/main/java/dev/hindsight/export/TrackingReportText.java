package dev.hindsight.export;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.kb.TrackingReport;

import java.nio.charset.StandardCharsets;

/** {@code tracking-report.txt}: the seed's tracking report in the site's language, UTF-8, LF line ends. */
final class TrackingReportText implements Export {
    @Override
    public String fileName() {
        return "tracking-report.txt";
    }

    @Override
    public byte[] render(KnowledgeBase kb, ExportContext context) {
        return TrackingReport.text(kb.tracker(), context.locale()).getBytes(StandardCharsets.UTF_8);
    }
}
