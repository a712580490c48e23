package dev.hindsight.load;

import dev.hindsight.diagnostic.DiagnosticCode;
import dev.hindsight.diagnostic.Diagnostics;
import dev.hindsight.model.DeflatedText;
import dev.hindsight.model.Incident;
import dev.hindsight.model.ReportSource;
import dev.hindsight.model.ReportStyle;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads one report file into an incident: text checks, front matter, then the body's sections. The
 * front matter is read first and the body only fills what it left empty, so front matter wins.
 * Never throws for bad input: everything wrong becomes a diagnostic.
 */
final class ReportParser {
    private final LoadSettings settings;
    private final FrontMatterReader frontMatter;
    private final SharedStrings strings = new SharedStrings();
    private final BodyListener bodies;

    ReportParser(LoadSettings settings) {
        this(settings, BodyListener.NONE);
    }

    ReportParser(LoadSettings settings, BodyListener bodies) {
        this.settings = settings;
        this.bodies = bodies;
        // snakeyaml counts code points; the byte limit bounds them too.
        this.frontMatter = new FrontMatterReader(new SafeYaml((int) Math.min(Integer.MAX_VALUE,
                settings.maxReportBytes())), settings.zone());
    }

    /** A report that loaded, and the line its id was read from (for duplicate-id diagnostics). */
    record Parsed(Incident incident, int idLine) {
    }

    /**
     * The incident, or empty when an error excludes it; findings go to {@code diagnostics}.
     *
     * @param storeBody whether the Markdown body is kept stored rather than deflated (a copy rather than zlib's CPU,
     *                  for three times the heap)
     */
    Optional<Parsed> parse(Path file, Diagnostics diagnostics, boolean storeBody) {
        Optional<String> text = ReportText.read(file, settings.maxReportBytes(), diagnostics);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return parseText(text.get(), diagnostics, storeBody);
    }

    Optional<Parsed> parseText(String text, Diagnostics diagnostics, boolean storeBody) {
        Optional<FrontMatterSplitter.Parts> parts = FrontMatterSplitter.split(text, diagnostics);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        ReportDraft draft = new ReportDraft();
        FrontMatterSplitter.Parts p = parts.get();
        if (p.hasFrontMatter() && !frontMatter.read(p.yaml(), p.yamlLine(), draft, diagnostics)) {
            return Optional.empty();
        }
        MarkdownBody body;
        try {
            body = MarkdownBody.parse(p.body(), p.bodyLine());
        } catch (MarkdownBody.TooDeeplyNested e) {
            diagnostics.report(DiagnosticCode.BODY_TOO_DEEPLY_NESTED, e.line, 1, "the body nests block quotes, lists "
                            + "or inline markup more than " + MarkdownBody.MAX_NESTING + " levels deep",
                    "flatten it; text pasted from a chat or a terminal belongs in a code block (```)");
            return Optional.empty();
        }
        body.firstTitleHeading().ifPresent(h -> draft.heading = new Located<>(h.title(), h.line(), 1));
        BasicInformationReader.read(body, draft, settings.zone(), diagnostics);
        SummaryReader.read(body, draft);
        TimelineReader.read(body, draft, settings.zone(), diagnostics);
        ImpactReader.read(body, draft);
        RootCauseReader.read(body, draft);
        ChecklistActionReader.read(body, draft, diagnostics);
        LessonsReader.read(body, draft);
        ReferencesReader.read(body, draft);
        ReportSource source = new ReportSource(diagnostics.path(),
                p.hasFrontMatter() ? ReportStyle.FRONT_MATTER : ReportStyle.SEED_TEMPLATE,
                storeBody ? DeflatedText.stored(p.body()) : DeflatedText.of(p.body()),
                p.bodyLine(), body.outline());
        Optional<Parsed> parsed = IncidentAssembler.assemble(draft, source, diagnostics)
                .map(incident -> new Parsed(strings.shareIn(incident), draft.id.line()));
        parsed.ifPresent(loaded -> bodies.parsed(loaded.incident(), body.document()));
        return parsed;
    }
}
