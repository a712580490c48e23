package dev.hindsight.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies are kept deflated; what comes back must be exactly what went in, and equality must follow the text. */
class DeflatedTextTest {
    @Test
    void givesBackEveryKindOfText() {
        for (String text : new String[] {"", "# Title\n\nplain ASCII\n", "## 时间线\n\n| 时间 | 事件 |\n",
                "emoji \uD83D\uDE80 and a lone surrogate \uD800 end", "\u0000nul and\ttabs\r\n"}) {
            // A lone surrogate cannot be UTF-8; like every other writer of the body we store '?' for it.
            String expected = new String(text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(DeflatedText.of(text).text()).isEqualTo(expected);
        }
    }

    @Test
    void givesBackLargeRandomTexts() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(300_000);
            for (int i = 0; i < length; i++) {
                // mostly repetitive Markdown-like text, some CJK, some noise that does not deflate
                int kind = random.nextInt(10);
                text.append(kind < 6 ? "| 12:00 | deploy |\n".charAt(i % 19)
                        : kind < 8 ? (char) (0x4e00 + random.nextInt(2000)) : (char) (32 + random.nextInt(95)));
            }
            DeflatedText body = DeflatedText.of(text.toString());
            assertThat(body.text()).isEqualTo(text.toString());
            DeflatedText stored = DeflatedText.stored(text.toString());
            assertThat(stored.text()).isEqualTo(text.toString());
            assertThat(stored).isEqualTo(body).hasSameHashCodeAs(body);
        }
    }

    @Test
    void equalTextsAreEqualAndOthersAreNot() {
        assertThat(DeflatedText.of("same body")).isEqualTo(DeflatedText.of("same body"))
                .hasSameHashCodeAs(DeflatedText.of("same body"));
        assertThat(DeflatedText.of("same body")).isNotEqualTo(DeflatedText.of("same body."));
        // Stored and deflated, the same text is equal; a text of the same length is not.
        assertThat(DeflatedText.stored("same body")).isEqualTo(DeflatedText.of("same body"))
                .hasSameHashCodeAs(DeflatedText.of("same body")).isNotEqualTo(DeflatedText.of("same bodY"));
        assertThat(DeflatedText.of("same body")).isEqualTo(DeflatedText.stored("same body"))
                .isNotEqualTo(DeflatedText.stored("same bodY"));
        assertThat(DeflatedText.stored("")).isSameAs(DeflatedText.EMPTY);
        assertThat(DeflatedText.of("")).isSameAs(DeflatedText.EMPTY);
        assertThat(DeflatedText.EMPTY.text()).isEmpty();
    }

    @Test
    void takesLessRoomThanTheTextForATypicalBody() {
        String body = "## Timeline\n\n| Time | Event |\n|---|---|\n" + "| 10:00 | the deploy started on kafka-cluster |\n".repeat(100);
        assertThat(DeflatedText.of(body).text()).isEqualTo(body);
        // not a speed test: the point of the class is that it is smaller than the string it replaces
        assertThat(DeflatedText.of(body).deflatedSize()).isLessThan(body.length() / 4);
        // stored: a copy (plus deflate's block headers), for builds that spend heap to save the CPU
        assertThat(DeflatedText.stored(body).deflatedSize()).isBetween(body.length(), body.length() + 64);
    }
}
