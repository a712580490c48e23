package dev.hindsight.load;

import dev.hindsight.model.Lesson;
import dev.hindsight.model.LessonKind;
import dev.hindsight.model.SectionRole;

/** The lessons learned: the list items under "what went well" and "to improve". */
final class LessonsReader {
    private LessonsReader() {
    }

    static void read(MarkdownBody body, ReportDraft draft) {
        for (String text : RootCauseReader.listItems(body.section(SectionRole.WENT_WELL))) {
            draft.lessons.add(new Lesson(LessonKind.WENT_WELL, text));
        }
        for (String text : RootCauseReader.listItems(body.section(SectionRole.TO_IMPROVE))) {
            draft.lessons.add(new Lesson(LessonKind.TO_IMPROVE, text));
        }
    }
}
