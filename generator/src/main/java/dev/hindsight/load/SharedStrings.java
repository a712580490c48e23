package dev.hindsight.load;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Incident;
import dev.hindsight.model.ReportSource;
import dev.hindsight.model.Section;
import dev.hindsight.model.TimelineEntry;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * One instance of each string that many reports repeat: section headings (most reports follow the template),
 * people, services, tags, action ids. Every report parsed its own copies, which for 50,000 reports was about
 * 150 MB of heap holding a few thousand distinct values. Free text (events, descriptions) is left as it is:
 * it rarely repeats. Safe to use from every loading thread at once.
 */
final class SharedStrings {
    private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

    /** The shared instance equal to {@code s}; {@code null} stays {@code null}. */
    String share(String s) {
        if (s == null) {
            return null;
        }
        String earlier = strings.get(s); // most are there already, and a read takes no lock
        if (earlier == null) {
            earlier = strings.putIfAbsent(s, s);
        }
        return earlier == null ? s : earlier;
    }

    /** {@code incident} with its repeated strings shared; the incident's own id serves its action items. */
    Incident shareIn(Incident incident) {
        String id = incident.id();
        ReportSource source = incident.source();
        List<Section> outline = mapped(source.outline(),
                s -> new Section(s.level(), share(s.title()), share(s.anchor()), s.role(), s.line()));
        List<TimelineEntry> timeline = mapped(incident.timeline(),
                e -> new TimelineEntry(e.time(), e.event(), share(e.actor())));
        List<ActionItem> actions = mapped(incident.actions(),
                a -> new ActionItem(id, share(a.id()), a.description(), a.priority(), share(a.owner()), a.due(),
                        a.status(), a.completed(), a.term(), a.link(), a.dueStated(), a.line()));
        return new Incident(id, incident.title(), incident.severity(), incident.status(), incident.times(),
                mapped(incident.services(), this::share), mapped(incident.tags(), this::share),
                share(incident.owner()), mapped(incident.participants(), this::share), incident.summary(),
                incident.impact(), incident.analysis(), timeline, actions, incident.lessons(), incident.links(),
                incident.extra(), new ReportSource(source.path(), source.style(), source.body(), source.bodyLine(),
                outline));
    }

    /** Each value mapped, in a loop: with C1, a stream pipeline per short list cost more than the mapping. */
    private static <T> List<T> mapped(List<T> values, UnaryOperator<T> map) {
        Object[] mapped = new Object[values.size()];
        for (int i = 0; i < mapped.length; i++) {
            mapped[i] = map.apply(values.get(i));
        }
        @SuppressWarnings("unchecked") // each element is a T that map returned
        List<T> list = (List<T>) Arrays.asList(mapped);
        return Collections.unmodifiableList(list);
    }
}
