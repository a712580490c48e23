package dev.hindsight.model;

import java.util.Objects;

/** One step of the 5 Whys chain: the question and the answer that leads to the next question. */
public record WhyStep(int number, String question, String answer) {
    public WhyStep {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
    }
}
