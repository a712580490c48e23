package dev.hindsight.site;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages written through Utf8PageOutput are byte for byte what a UTF-8 Writer made of the same writes. */
class Utf8PageOutputTest {
    private static final String[] PIECES = {"<p>", "plain ASCII text that is longer than thirty-two characters", "时间线",
            "\uD83D\uDE80", "\uD83D", "\uDE80", "\uD800 lone", "é", "&amp;", "", "x", "€ and 𝄞 in a longer string of text"};

    @Test
    void writesWhatAWriterWould() throws IOException {
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            Writer writer = new OutputStreamWriter(expected, StandardCharsets.UTF_8);
            Utf8PageOutput output = new Utf8PageOutput(actual);
            int writes = random.nextInt(400);
            for (int w = 0; w < writes; w++) {
                String piece = PIECES[random.nextInt(PIECES.length)].repeat(1 + random.nextInt(round % 50 == 0 ? 3000 : 3));
                switch (random.nextInt(3)) {
                    case 0 -> {
                        writer.write(piece);
                        output.writeContent(piece);
                    }
                    case 1 -> {
                        int begin = random.nextInt(piece.length() + 1);
                        int end = begin + random.nextInt(piece.length() - begin + 1);
                        writer.write(piece, begin, end - begin);
                        output.writeContent(piece, begin, end);
                    }
                    default -> {
                        // fixed template text arrives encoded; the templates' text is never a lone surrogate
                        String text = piece.codePoints().allMatch(c -> !Character.isSurrogate((char) c)) ? piece : "<li>";
                        writer.write(text);
                        output.writeBinaryContent(text.getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            writer.flush();
            output.finish();
            writer.close();
            assertThat(actual.toByteArray()).as("round %d", round).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void aPairSplitAcrossTwoWritesIsOneCharacter() {
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        Utf8PageOutput output = new Utf8PageOutput(actual);
        output.writeContent("a\uD83D");
        output.writeContent("\uDE80b");
        output.finish();
        assertThat(actual.toString(StandardCharsets.UTF_8)).isEqualTo("a\uD83D\uDE80b");
    }
}
