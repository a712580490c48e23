package dev.hindsight.load;

import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.model.ReportStatus;
import dev.hindsight.model.SectionRole;
import dev.hindsight.model.Severity;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The seed template's metadata: the {@code - **Label**: value} list under 基本信息 / Basic information.
 * Only fills what the front matter left empty.
 */
final class BasicInformationReader {
    private static final Set<String> ID = LabelledText.labels("故障ID", "事件ID", "Incident ID", "ID");
    private static final Set<String> TIME = LabelledText.labels("故障时间", "Incident time", "Time");
    private static final Set<String> SCOPE = LabelledText.labels("影响范围", "Impact scope", "Scope");
    private static final Set<String> SERVICES = LabelledText.labels("影响服务", "Affected services", "Services", "Service");
    private static final Set<String> TAGS = LabelledText.labels("标签", "Tags");
    private static final Set<String> SEVERITY = LabelledText.labels("故障等级", "严重程度", "Severity");
    private static final Set<String> OWNER = LabelledText.labels("负责人", "Owner");
    private static final Set<String> PARTICIPANTS = LabelledText.labels("参与人", "Participants");
    private static final Set<String> STATUS = LabelledText.labels("报告状态", "状态", "Report status", "Status");

    private BasicInformationReader() {
    }

    static void read(MarkdownBody body, ReportDraft draft, ZoneId zone, Diagnostics diagnostics) {
        List<LabelledText> lines = LabelledText.in(body.section(SectionRole.BASIC_INFORMATION));
        for (LabelledText item : lines) {
            String label = item.label();
            String value = item.value();
            int line = body.line(item.node());
            if (value.isEmpty()) {
                continue;
            }
            if (ID.contains(label) && draft.id == null) {
                draft.id = new Located<>(value, line, 1);
            } else if (TIME.contains(label) && draft.started == null) {
                readTime(value, line, draft, zone, diagnostics);
            } else if (SCOPE.contains(label) && draft.scope == null) {
                draft.scope = value;
            } else if (SERVICES.contains(label) && draft.services == null) {
                draft.services = People.list(value);
            } else if (TAGS.contains(label) && draft.tags == null) {
                draft.tags = People.list(value);
            } else if (SEVERITY.contains(label) && draft.severity == null) {
                Severity.parse(value).ifPresentOrElse(s -> draft.severity = new Located<>(s, line, 1),
                        () -> {
                            draft.unreadable.add("severity");
                            diagnostics.report(DiagnosticCode.UNKNOWN_VALUE, line, 1, "unknown severity '" + value + "'",
                                    "use P0 (worst) to P4, e.g. 'P1 (严重)'");
                        });
            } else if (OWNER.contains(label) && draft.owner == null) {
                draft.owner = People.name(value);
            } else if (PARTICIPANTS.contains(label) && draft.participants == null) {
                draft.participants = People.list(value);
            } else if (STATUS.contains(label) && draft.status == null) {
                ReportStatus.parse(value).ifPresentOrElse(s -> draft.status = new Located<>(s, line, 1),
                        () -> diagnostics.report(DiagnosticCode.UNKNOWN_VALUE, line, 1,
                                "unknown report status '" + value + "'", "use draft, review or final"));
            }
        }
    }

    private static void readTime(String value, int line, ReportDraft draft, ZoneId zone, Diagnostics diagnostics) {
        try {
            IncidentTimeRange range = IncidentTimeRange.parse(value, zone);
            draft.started = new Located<>(range.start(), line, 1);
            if (range.end() != null && draft.resolved == null) {
                draft.resolved = new Located<>(range.end(), line, 1);
            }
        } catch (DateTimes.InvalidDateException e) {
            draft.unreadable.add("started");
            diagnostics.report(DiagnosticCode.INVALID_DATE, line, 1, "incident time: " + e.getMessage(),
                    "write it as '2025-10-05 18:00 - 19:30 (UTC+8)'");
        }
    }
}
