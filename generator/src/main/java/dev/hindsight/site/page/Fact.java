package dev.hindsight.site.page;

import java.util.List;

/**
 * One line of a facts list: a label and either text or links.
 *
 * @param label    what it is
 * @param text     the value as text ({@code null} when {@code links} carry it)
 * @param datetime an ISO value for a {@code <time>} element, {@code null} when not a time
 * @param links    links (services, tags, people), empty when {@code text} carries the value
 */
public record Fact(String label, String text, String datetime, List<LinkView> links) {
    public Fact {
        links = List.copyOf(links);
    }

    public static Fact text(String label, String text) {
        return new Fact(label, text, null, List.of());
    }

    public static Fact time(String label, String text, String datetime) {
        return new Fact(label, text, datetime, List.of());
    }

    public static Fact links(String label, List<LinkView> links) {
        return new Fact(label, null, null, links);
    }
}
