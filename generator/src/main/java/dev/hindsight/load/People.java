package dev.hindsight.load;

import java.util.Arrays;
import java.util.List;

/** People as the seed writes them: {@code @张三}, lists separated by commas (ASCII or Chinese) or 、. */
final class People {
    private People() {
    }

    /** A name without its leading '@' and surrounding space. */
    static String name(String written) {
        String name = written.strip();
        while (name.startsWith("@")) {
            name = name.substring(1).strip();
        }
        return name;
    }

    static List<String> list(String written) {
        return Arrays.stream(written.split("[,，、;；]")).map(People::name).filter(s -> !s.isEmpty()).toList();
    }
}
