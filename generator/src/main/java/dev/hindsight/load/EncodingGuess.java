package dev.hindsight.load;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;

/**
 * Names the legacy encoding a non-UTF-8 report was probably saved in, so the diagnostic can say
 * which conversion fixes it. Only the two our users meet: GB18030 (Chinese Windows) and
 * Windows-1252 (Western Windows).
 */
final class EncodingGuess {
    private EncodingGuess() {
    }

    /** The encoding the file was probably saved in, as iconv spells it: GB18030 or Windows-1252; empty when unsure. */
    static Optional<String> name(byte[] bytes) {
        if (decodesStrictly(bytes, "GB18030") && hasHan(new String(bytes, Charset.forName("GB18030")))) {
            return Optional.of("GB18030");
        }
        if (decodesStrictly(bytes, "windows-1252")) {
            return Optional.of("Windows-1252");
        }
        return Optional.empty();
    }

    /** A clause for the diagnostic about {@link #name}, e.g. "; the file looks GB18030-encoded (Chinese Windows)". */
    static String describe(String name) {
        return "; the file looks " + name + "-encoded" + (name.equals("GB18030") ? " (Chinese Windows)" : "");
    }

    private static boolean decodesStrictly(byte[] bytes, String charset) {
        try {
            Charset.forName(charset).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
