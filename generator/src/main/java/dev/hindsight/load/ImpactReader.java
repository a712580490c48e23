package dev.hindsight.load;

import dev.hindsight.model.SectionRole;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The impact section's labelled lines (受影响用户数, 数据丢失, 可用性, SLO 影响, 错误预算消耗 and their
 * English labels), read into the impact figures when the front matter does not give them.
 */
final class ImpactReader {
    private static final Set<String> USERS = LabelledText.labels("受影响用户数", "影响用户数", "Affected users", "Users affected",
            "Users");
    private static final Set<String> DATA_LOSS = LabelledText.labels("数据丢失", "Data loss");
    private static final Set<String> AVAILABILITY = LabelledText.labels("可用性", "Availability");
    private static final Set<String> SLO = LabelledText.labels("SLO 影响", "SLO", "SLO impact");
    private static final Set<String> ERROR_BUDGET = LabelledText.labels("错误预算消耗", "错误预算", "Error budget consumed",
            "Error budget");

    private ImpactReader() {
    }

    static void read(MarkdownBody body, ReportDraft draft) {
        for (LabelledText item : LabelledText.in(body.section(SectionRole.IMPACT))) {
            String label = item.label();
            String value = item.value();
            if (USERS.contains(label) && draft.users == null) {
                NumberText.first(value).map(BigDecimal::longValue).ifPresent(v -> draft.users = v);
            } else if (DATA_LOSS.contains(label) && draft.dataLoss == null && !value.isEmpty()) {
                draft.dataLoss = value;
            } else if (AVAILABILITY.contains(label) && draft.availability == null) {
                firstPercent(value).ifPresent(v -> draft.availability = v);
            } else if (SLO.contains(label) && draft.sloBefore == null && draft.sloAfter == null) {
                // "月度可用性从 99.95% 降至 99.79%": before, then after.
                List<Double> percents = NumberText.percentages(value);
                if (percents.size() >= 2) {
                    draft.sloBefore = percents.get(0);
                    draft.sloAfter = percents.get(1);
                }
            } else if (ERROR_BUDGET.contains(label) && draft.errorBudgetConsumed == null) {
                firstPercent(value).ifPresent(v -> draft.errorBudgetConsumed = v);
            }
        }
    }

    private static java.util.Optional<Double> firstPercent(String value) {
        List<Double> percents = NumberText.percentages(value);
        return percents.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(percents.get(0));
    }
}
