package dev.gomodel.internal.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Character escapes for JSON texts that are kept and written back raw (every
 * {@link dev.gomodel.chat.JsonValue}): the standard JSON escapes plus every UTF-16 surrogate as a
 * six-character unicode escape. A JSON string may hold an unpaired surrogate; left unescaped in
 * a Java string it could not be encoded as UTF-8 when the text is written back. Immutable.
 */
public final class SurrogateEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final SurrogateEscapes INSTANCE = new SurrogateEscapes();

    private final int[] ascii = standardAsciiEscapesForJSON();

    private SurrogateEscapes() {
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return Character.isSurrogate((char) ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
}
