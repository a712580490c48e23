package dev.hindsight.search;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A term's shard is FNV-1a of the bytes {@code String.getBytes(UTF_8)} gives, computed without making them:
 * the same for every string, lone surrogates (which that encoder writes as '?') included.
 */
class TermShardTest {
    private static final List<Integer> SHARD_COUNTS = List.of(1, 64, 1 << 16, Integer.MAX_VALUE);

    @Test
    void shardOfHashesTheBytesTheUtf8EncoderGives() {
        List<String> terms = List.of("", "database", "timeout", "café", "€", "连接池", "证书过期", "😀", "deploy🚀now",
                "\ud800", "\udc00", "a\ud800b", "\udc00\ud800", "\ud83d", "x\ud83d", "\uffff", "\u0800", "\u07ff");
        for (String term : terms) {
            for (int shards : SHARD_COUNTS) {
                assertThat(StaticSearchExport.shardOf(term, shards)).as("%s in %d", term, shards)
                        .isEqualTo(shardOfEncodedBytes(term, shards));
            }
        }
    }

    @Test
    void shardOfHashesTheBytesTheUtf8EncoderGivesForAnyChars() {
        Random random = new Random(42);
        for (int n = 0; n < 10_000; n++) {
            char[] chars = new char[random.nextInt(8)];
            for (int i = 0; i < chars.length; i++) {
                // Mostly surrogates and other multi-byte chars, where encoders go wrong.
                chars[i] = (char) (random.nextBoolean() ? 0xd800 + random.nextInt(0x800) : random.nextInt(0x10000));
            }
            String term = new String(chars);
            assertThat(StaticSearchExport.shardOf(term, Integer.MAX_VALUE)).as("%s", term.chars().boxed().toList())
                    .isEqualTo(shardOfEncodedBytes(term, Integer.MAX_VALUE));
        }
    }

    /** How shardOf was first written: over the encoder's bytes. */
    private static int shardOfEncodedBytes(String term, int shards) {
        int hash = 0x811c9dc5;
        for (byte b : term.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return Integer.remainderUnsigned(hash, shards);
    }
}
