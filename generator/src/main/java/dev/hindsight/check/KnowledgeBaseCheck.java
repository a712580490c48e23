package dev.hindsight.check;

import dev.hindsight.load.LoadResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Incident;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;

/** Loads a source directory and counts what a check reports. Policies join here with action tracking. */
public final class KnowledgeBaseCheck {
    private final LoadSettings settings;

    public KnowledgeBaseCheck(LoadSettings settings) {
        this.settings = settings;
    }

    public CheckResult run(Path sourceDirectory, LocalDate asOf) {
        LoadResult load = new ReportLoader(settings).load(sourceDirectory);
        Collection<ActionItem> items = load.incidents().stream().map(Incident::actions).flatMap(Collection::stream)
                .toList();
        int overdue = (int) items.stream().filter(item -> item.isOverdue(asOf)).count();
        return new CheckResult(load, asOf, items.size(), overdue);
    }
}
