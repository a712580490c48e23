package dev.hindsight.export;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Utf8Writer} writes what an OutputStreamWriter would, however the text is cut into pieces. */
class Utf8WriterTest {
    private static final String[] PIECES = {"a", "Redis ", "故障", "\uD83D\uDE00", "\uD83D", "\uDE00", "é", "\n", "",
            "x".repeat(70_000)};

    @Test
    void writesWhatAnOutputStreamWriterWritesOnRandomPieces() throws IOException {
        Random random = new Random(5);
        for (int round = 0; round < 3_000; round++) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            Writer plain = new OutputStreamWriter(expected, StandardCharsets.UTF_8);
            Writer utf8 = new Utf8Writer(actual);
            StringBuilder written = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                String piece = PIECES[random.nextInt(PIECES.length)];
                if (piece.length() > 1000 && random.nextInt(10) > 0) {
                    continue; // a long piece now and then
                }
                written.append(piece);
                switch (random.nextInt(4)) {
                    case 0 -> { plain.write(piece); utf8.write(piece); }
                    case 1 -> { plain.append(new StringBuilder(piece)); utf8.append(new StringBuilder(piece)); }
                    case 2 -> {
                        plain.write(piece.toCharArray(), 0, piece.length());
                        utf8.write(piece.toCharArray(), 0, piece.length());
                    }
                    default -> piece.chars().forEach(c -> {
                        try {
                            plain.write(c);
                            utf8.write(c);
                        } catch (IOException e) {
                            throw new AssertionError(e);
                        }
                    });
                }
            }
            plain.close();
            utf8.close();
            assertThat(actual.toByteArray()).as("bytes of %s", written).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void aPairSplitBetweenPiecesIsOneCharacterAndALoneHalfIsAQuestionMark() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Writer writer = new Utf8Writer(out);
        writer.write("a\uD83D");
        writer.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a"); // the high half waits
        writer.write("\uDE00b\uDE00\uD83D");
        writer.close();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a\uD83D\uDE00b??");
    }
}
