package dev.hindsight.model;

import java.util.Objects;

/** One item of the lessons learned: something that went well or something to improve. */
public record Lesson(LessonKind kind, String text) {
    public Lesson {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
