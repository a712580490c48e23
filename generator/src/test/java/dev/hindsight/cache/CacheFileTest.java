package dev.hindsight.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cache file primitives: what a writer writes reads back the same, repeated strings cost a number, and
 * anything but a complete file of the expected kind is refused.
 */
class CacheFileTest {
    private static final String KIND = "test-kind-1";

    @TempDir
    Path directory;

    private Path file() {
        return directory.resolve("test.cache");
    }

    @FunctionalInterface
    private interface Body {
        void write(CacheWriter out) throws IOException;
    }

    private Path written(Body body) throws IOException {
        try (CacheWriter out = CacheWriter.create(file(), KIND)) {
            body.write(out);
        }
        return file();
    }

    @Test
    void everyWrittenValueReadsBackTheSame() throws IOException {
        long[] longs = {0, 1, 127, 128, 300, -1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE + 1L};
        int[] ints = {0, 1, 127, 128, 16_384, -1, Integer.MIN_VALUE, Integer.MAX_VALUE};
        double[] doubles = {0.0, -0.0, 1.5, -2.25e300, Double.NaN, Double.longBitsToDouble(0x7FF8_0000_0000_0123L),
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE};
        List<String> strings = new ArrayList<>(List.of("", "a", "Latin-1 ÿ é", "Ā beyond Latin-1", "数据库磁盘已满",
                "emoji 😀", "\uD800", "lone low \uDC00 surrogate", "\u0000 nul"));
        strings.add(null);
        strings.add("x".repeat(100_000));
        byte[][] byteArrays = {null, new byte[0], {0, -1, 127, -128}};

        Path file = written(out -> {
            out.writeBoolean(true);
            out.writeBoolean(false);
            for (long value : longs) {
                out.writeLong(value);
            }
            for (int value : ints) {
                out.writeInt(value);
            }
            for (double value : doubles) {
                out.writeDouble(value);
            }
            out.writeAll(strings, CacheWriter::writeString);
            for (byte[] bytes : byteArrays) {
                out.writeBytes(bytes);
            }
            out.writeEnum(DayOfWeek.MONDAY);
            out.writeEnum(DayOfWeek.SUNDAY);
            out.writeEnum(null);
            out.writeAll(List.of(), CacheWriter::writeString);
        });

        CacheReader in = CacheReader.open(file, KIND);
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readBoolean()).isFalse();
        for (long value : longs) {
            assertThat(in.readLong()).isEqualTo(value);
        }
        for (int value : ints) {
            assertThat(in.readInt()).isEqualTo(value);
        }
        for (double value : doubles) {
            assertThat(Double.doubleToRawLongBits(in.readDouble())).isEqualTo(Double.doubleToRawLongBits(value));
        }
        assertThat(in.readAll(CacheReader::readString)).containsExactlyElementsOf(strings);
        for (byte[] bytes : byteArrays) {
            assertThat(in.readBytes()).isEqualTo(bytes);
        }
        assertThat(in.readEnum(DayOfWeek.values())).isEqualTo(DayOfWeek.MONDAY);
        assertThat(in.readEnum(DayOfWeek.values())).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(in.readEnum(DayOfWeek.values())).isNull();
        assertThat(in.readAll(CacheReader::readString)).isEmpty();
        in.expectEnd();
    }

    @Test
    void aRepeatedStringIsWrittenOnceAndReadAsOneInstance() throws IOException {
        String heading = "Root cause analysis / 根因分析 ".repeat(40);
        long once = Files.size(written(out -> out.writeString(heading)));
        long thrice = Files.size(written(out -> {
            out.writeString(heading);
            out.writeString(new String(heading)); // equal, not the same instance
            out.writeString(heading);
        }));

        assertThat(thrice - once).isLessThanOrEqualTo(4);
        CacheReader in = CacheReader.open(file(), KIND);
        String first = in.readString();
        assertThat(first).isEqualTo(heading);
        assertThat(in.readString()).isSameAs(first);
        assertThat(in.readString()).isSameAs(first);
        in.expectEnd();
    }

    @Test
    void aFileCutShortIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(written(out -> out.writeString("some content")));
        for (int length = 0; length < bytes.length; length++) {
            Files.write(file(), Arrays.copyOf(bytes, length));
            assertThatThrownBy(() -> CacheReader.open(file(), KIND)).isInstanceOf(CacheFormatException.class);
        }
    }

    @Test
    void aFileWithAnyByteChangedIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(written(out -> {
            out.writeString("some content");
            out.writeLong(123_456_789L);
        }));
        for (int at = 0; at < bytes.length; at++) {
            byte[] damaged = bytes.clone();
            damaged[at] ^= 0x10;
            Files.write(file(), damaged);
            assertThatThrownBy(() -> CacheReader.open(file(), KIND)).isInstanceOf(CacheFormatException.class);
        }
    }

    @Test
    void aFileOfAnotherKindOrVersionIsRefused() throws IOException {
        written(out -> out.writeInt(1));

        assertThatThrownBy(() -> CacheReader.open(file(), "test-kind-2")).isInstanceOf(CacheFormatException.class)
                .hasMessageContaining("test-kind-1");
        Files.writeString(file(), "not a cache file at all, but long enough");
        assertThatThrownBy(() -> CacheReader.open(file(), KIND)).isInstanceOf(CacheFormatException.class);
    }

    @Test
    void readingPastTheEndOrStoppingShortIsAFormatError() throws IOException {
        written(out -> out.writeInt(5));

        CacheReader past = CacheReader.open(file(), KIND);
        past.readInt();
        assertThatThrownBy(past::readLong).isInstanceOf(CacheFormatException.class);
        assertThatThrownBy(past::readDouble).isInstanceOf(CacheFormatException.class);
        assertThatThrownBy(() -> CacheReader.open(file(), KIND).expectEnd()).isInstanceOf(CacheFormatException.class);
    }

    @Test
    void aLengthPastTheFileIsAFormatError() throws IOException {
        written(out -> {
            out.writeInt(1_000); // read as a byte array's length, a string's or a list's count
            out.writeInt(7);
        });

        assertThatThrownBy(() -> CacheReader.open(file(), KIND).readBytes()).isInstanceOf(CacheFormatException.class);
        assertThatThrownBy(() -> CacheReader.open(file(), KIND).readString()).isInstanceOf(CacheFormatException.class);
        assertThatThrownBy(() -> CacheReader.open(file(), KIND).readAll(CacheReader::readString))
                .isInstanceOf(CacheFormatException.class);
    }

    /** Ints of 2^31 or more read back negative: as lengths, counts, tags or ordinals they must still be refused. */
    @Test
    void aNumberThatReadsAsANegativeIntIsAFormatErrorNotACrash() throws IOException {
        written(out -> {
            out.writeInt(-2);
            out.writeInt(0);
        });

        assertThatThrownBy(() -> CacheReader.open(file(), KIND).readBytes()).isInstanceOf(CacheFormatException.class);
        assertThatThrownBy(() -> CacheReader.open(file(), KIND).readString()).isInstanceOf(CacheFormatException.class);
        assertThatThrownBy(() -> CacheReader.open(file(), KIND).readAll(CacheReader::readString))
                .isInstanceOf(CacheFormatException.class);
        assertThatThrownBy(() -> CacheReader.open(file(), KIND).readEnum(DayOfWeek.values()))
                .isInstanceOf(CacheFormatException.class);
        written(out -> {
            out.writeInt(1); // a Latin-1 string follows
            out.writeInt(Integer.MIN_VALUE); // its length
        });
        assertThatThrownBy(() -> CacheReader.open(file(), KIND).readString()).isInstanceOf(CacheFormatException.class);
    }

    @Test
    void aNumberBeyondAnIntIsRefusedAsAnInt() throws IOException {
        written(out -> out.writeLong(1L << 32));

        assertThatThrownBy(() -> CacheReader.open(file(), KIND).readInt()).isInstanceOf(CacheFormatException.class);
    }
}
