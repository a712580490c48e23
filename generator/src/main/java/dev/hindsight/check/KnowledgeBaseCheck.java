package dev.hindsight.check;

import dev.hindsight.kb.KnowledgeBase;
import dev.hindsight.load.LoadResult;
import dev.hindsight.load.LoadSettings;
import dev.hindsight.load.ReportLoader;

import java.nio.file.Path;
import java.time.LocalDate;

/** Loads a source directory and applies the process policies: what {@code check} reports. */
public final class KnowledgeBaseCheck {
    private final LoadSettings settings;
    private final PolicySettings policies;

    public KnowledgeBaseCheck(LoadSettings settings, PolicySettings policies) {
        this.settings = settings;
        this.policies = policies;
    }

    public KnowledgeBaseCheck(LoadSettings settings) {
        this(settings, PolicySettings.defaults());
    }

    public CheckResult run(Path sourceDirectory, LocalDate asOf) {
        LoadResult load = new ReportLoader(settings).load(sourceDirectory);
        KnowledgeBase kb = new KnowledgeBase(load.incidents(), asOf);
        return new CheckResult(load, new PolicyCheck(policies).apply(load.diagnostics(), kb), asOf,
                kb.tracker().total(), kb.tracker().overdue().size());
    }
}
