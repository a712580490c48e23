package dev.hindsight.search;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The compact term counts behave as the hash maps they replace. */
class TermCountsTest {
    @Test
    void answersAsAHashMapWould() {
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            Map<String, Integer> counted = new HashMap<>();
            int terms = random.nextInt(60);
            for (int i = 0; i < terms; i++) {
                counted.merge(word(random), 1 + random.nextInt(3), Integer::sum);
            }
            TermCounts counts = TermCounts.of(counted);
            assertThat(counts).isEqualTo(counted).hasSameHashCodeAs(counted);
            assertThat(counted).isEqualTo(counts);
            assertThat(counts.keySet()).isEqualTo(counted.keySet());
            assertThat(counts.entrySet()).isEqualTo(counted.entrySet());
            for (int probe = 0; probe < 50; probe++) {
                String term = word(random);
                assertThat(counts.get(term)).isEqualTo(counted.get(term));
                assertThat(counts.containsKey(term)).isEqualTo(counted.containsKey(term));
            }
            Map<String, Integer> visited = new LinkedHashMap<>();
            counts.forEach(visited::put);
            assertThat(visited).isEqualTo(counted);
            assertThat(new java.util.ArrayList<>(visited.keySet())).isSorted();
        }
        assertThat(TermCounts.of(Map.of())).isEmpty();
        assertThat(TermCounts.of(Map.of("a", 1)).get(42)).isNull();
    }

    @Test
    void cannotBeChanged() {
        TermCounts counts = TermCounts.of(Map.of("oom", 2, "kafka", 1));
        assertThatThrownBy(() -> counts.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> counts.keySet().iterator().remove()).isInstanceOfAny(
                UnsupportedOperationException.class, IllegalStateException.class);
        assertThatThrownBy(() -> counts.entrySet().iterator().next().setValue(3))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static String word(Random random) {
        String[] words = {"oom", "kafka", "超时", "证书", "deploy", "dns", "tls", "𝄞note", "a", "b"};
        return words[random.nextInt(words.length)] + (random.nextBoolean() ? "" : String.valueOf(random.nextInt(20)));
    }
}
