package dev.hindsight.site;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Formatted texts are remembered by key and arguments: each call gives what a fresh MessageFormat gives. */
class MessagesTest {
    @Test
    void formatsEachCallOfIntegersByItsOwnArguments() {
        Messages messages = new Messages(Locale.ENGLISH);
        assertThat(messages.format("duration.hours", 1L, 5L)).isEqualTo("1 h 5 min");
        assertThat(messages.format("duration.hours", 1L, 6L)).isEqualTo("1 h 6 min");
        assertThat(messages.format("duration.days", 1L, 5L)).isEqualTo("1 d 5 h");
        assertThat(messages.format("duration.hours", 1L, 5L)).isEqualTo("1 h 5 min");
        assertThat(messages.format("duration.minutes", 1234567)).isEqualTo("1,234,567 min");
        assertThat(new Messages(Locale.SIMPLIFIED_CHINESE).format("duration.hours", 1L, 5L)).isEqualTo("1 小时 5 分钟");
    }

    @Test
    void formatsOtherArgumentsEveryTime() {
        Messages messages = new Messages(Locale.ENGLISH);
        assertThat(messages.format("duration.minutes", "a")).isEqualTo("a min");
        assertThat(messages.format("duration.minutes", "b")).isEqualTo("b min");
    }
}
