package dev.hindsight.site.page;

import gg.jte.Content;
import gg.jte.TemplateOutput;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A report body's HTML (escaped and sanitised by the renderer) as UTF-8, which the page writes as it is. The bodies
 * rendered while the reports load wait as UTF-8; decoding each into a string for the template, which then encoded
 * it back, was 1% of a full build's CPU samples (most of it for Chinese text, held as two bytes a character).
 *
 * @param utf8 the HTML, never written to
 */
public record BodyHtml(byte[] utf8) implements Content {
    public static BodyHtml of(String html) {
        return new BodyHtml(html.getBytes(StandardCharsets.UTF_8)); // a lone surrogate becomes '?', as on the page
    }

    /** The HTML as text, for templates that handle it as a string. */
    public String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeBinaryContent(utf8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BodyHtml other && Arrays.equals(other.utf8, utf8);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8);
    }

    @Override
    public String toString() {
        return text();
    }
}
