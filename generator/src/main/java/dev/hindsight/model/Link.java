package dev.hindsight.model;

import java.util.Objects;

/** A reference from the report: a title and a URL exactly as written (relative or absolute). */
public record Link(String title, String url) {
    public Link {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }
}
