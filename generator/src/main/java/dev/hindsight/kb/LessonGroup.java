package dev.hindsight.kb;

import dev.hindsight.model.Incident;
import dev.hindsight.model.Lesson;

import java.util.List;

/**
 * The lessons of every incident carrying one tag.
 *
 * @param tag     the tag, or {@code null} for the incidents that have none
 * @param lessons each lesson with the incident it came from, newest incident first
 */
public record LessonGroup(String tag, List<SourcedLesson> lessons) {
    public LessonGroup {
        lessons = List.copyOf(lessons);
    }

    /** A lesson and where it was learned. */
    public record SourcedLesson(Lesson lesson, Incident incident) {
    }
}
