package dev.hindsight.site;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest that tells a rebuild which extra files changed depends on the bytes alone, not on the array. */
class ExtraDigestsTest {
    @Test
    void equalBytesInAnotherArrayHaveTheSameDigestAndAnyChangedByteAnother() {
        byte[] bytes = new byte[5000];
        new Random(7).nextBytes(bytes);
        String digest = ExtraDigests.of(bytes);

        assertThat(ExtraDigests.of(bytes.clone())).isEqualTo(digest);
        for (int at : new int[] {0, 2500, 4999}) {
            byte[] changed = bytes.clone();
            changed[at]++;
            assertThat(ExtraDigests.of(changed)).as("byte %d changed", at).isNotEqualTo(digest);
        }
        assertThat(ExtraDigests.of(Arrays.copyOf(bytes, 4999))).isNotEqualTo(digest);
        assertThat(ExtraDigests.of(bytes)).as("asked again").isEqualTo(digest);
    }
}
