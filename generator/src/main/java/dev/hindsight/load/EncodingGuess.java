package dev.hindsight.load;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * Names the legacy encoding a non-UTF-8 report was probably saved in, so the diagnostic can say
 * which conversion fixes it. Only the two our users meet: GB18030 (Chinese Windows) and
 * Windows-1252 (Western Windows).
 */
final class EncodingGuess {
    private EncodingGuess() {
    }

    /** A clause for the diagnostic, e.g. "; the file looks GB18030-encoded"; empty when unsure. */
    static String describe(byte[] bytes) {
        if (decodesStrictly(bytes, "GB18030") && hasHan(new String(bytes, Charset.forName("GB18030")))) {
            return "; the file looks GB18030-encoded (Chinese Windows)";
        }
        if (decodesStrictly(bytes, "windows-1252")) {
            return "; the file looks Windows-1252-encoded";
        }
        return "";
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
