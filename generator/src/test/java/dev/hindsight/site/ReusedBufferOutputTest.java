package dev.hindsight.site;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file stream that reuses its thread's buffer writes every byte, in order, whatever the sizes of the writes. */
class ReusedBufferOutputTest {
    @Test
    void writesWhatItIsGivenThroughOneBufferFileAfterFile() throws IOException {
        Random random = new Random(3);
        for (int file = 0; file < 40; file++) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            try (OutputStream out = new OutputDirectory.ReusedBufferOutput(written)) {
                for (int w = random.nextInt(60); w > 0; w--) {
                    int kind = random.nextInt(3);
                    if (kind == 0) {
                        int b = random.nextInt(256);
                        out.write(b);
                        expected.write(b);
                    } else {
                        byte[] bytes = new byte[kind == 1 ? random.nextInt(5000) : 60_000 + random.nextInt(80_000)];
                        random.nextBytes(bytes);
                        int offset = random.nextInt(bytes.length / 4 + 1);
                        out.write(bytes, offset, bytes.length - offset);
                        expected.write(bytes, offset, bytes.length - offset);
                    }
                }
            }
            assertThat(written.toByteArray()).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void closesTheFileWhenItsLastBytesCannotBeWritten() {
        boolean[] closed = {false};
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("no space left on device");
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                throw new IOException("no space left on device");
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        OutputStream out = new OutputDirectory.ReusedBufferOutput(full);
        assertThatThrownBy(() -> {
            out.write("a small page".getBytes()); // buffered: the failure comes when closing
            out.close();
        }).isInstanceOf(IOException.class).hasMessageContaining("no space");
        assertThat(closed[0]).isTrue();
    }

    @Test
    void aStreamOpenedWhileAnotherIsOpenHasItsOwnBuffer() throws IOException {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        OutputStream outer = new OutputDirectory.ReusedBufferOutput(first);
        outer.write("outer ".getBytes());
        try (OutputStream inner = new OutputDirectory.ReusedBufferOutput(second)) {
            inner.write("inner".getBytes());
        }
        outer.write("file".getBytes());
        outer.close();
        outer.close(); // twice: nothing more is written, and the buffer is not given back twice
        assertThat(first.toString()).isEqualTo("outer file");
        assertThat(second.toString()).isEqualTo("inner");
    }
}
