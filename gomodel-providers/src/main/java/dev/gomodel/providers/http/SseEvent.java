package dev.gomodel.providers.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One event dispatched by {@link SseDecoder}: what an event stream said between two blank lines.
 * The decoder knows nothing of what the data means; interpreting it (JSON, a {@code [DONE]}
 * sentinel) is the provider's job.
 *
 * <p>The data is kept as UTF-8 bytes, so a JSON payload can be parsed where it lies: the
 * {@link #dataLength()} bytes of {@link #dataArray()} from {@link #dataOffset()}, always
 * well-formed UTF-8 (the decoder replaces malformed bytes with U+FFFD). An event the decoder
 * dispatches is a view of the decoder's buffer: it is valid only until
 * {@link SseListener#onEvent} returns. Keep a {@link #copy()} to use it later. An event made
 * with the public constructor, or copied, owns its bytes and is immutable.
 *
 * <p>Two events are equal when their names, data and ids are.
 */
public final class SseEvent {

    private final String event;
    private final byte[] data;
    private final int offset;
    private final int length;
    private final String id;

    /**
     * An event holding {@code data} as text.
     *
     * @param event the value of the last {@code event:} field of the event, or {@code null} when
     *              no (or an empty) event name was given; callers treat {@code null} as
     *              {@code "message"}
     * @param data  the values of the event's {@code data:} fields joined with {@code "\n"};
     *              possibly empty (a bare {@code data} line)
     * @param id    the last event id seen so far in the stream, or {@code null} when the stream
     *              has not sent one
     * @throws NullPointerException if {@code data} is {@code null}
     */
    public SseEvent(String event, String data, String id) {
        this(event, Objects.requireNonNull(data, "data").getBytes(StandardCharsets.UTF_8), id);
    }

    private SseEvent(String event, byte[] data, String id) {
        this(event, data, 0, data.length, id);
    }

    /** A view of {@code length} bytes of {@code data} from {@code offset}, which must be well-formed UTF-8. */
    SseEvent(String event, byte[] data, int offset, int length, String id) {
        this.event = event;
        this.data = data;
        this.offset = offset;
        this.length = length;
        this.id = id;
    }

    /**
     * The value of the last {@code event:} field of the event, or {@code null} when no (or an
     * empty) event name was given; callers treat {@code null} as {@code "message"}.
     */
    public String event() {
        return event;
    }

    /**
     * The last event id seen so far in the stream: the value of the most recent {@code id:}
     * field, which carries over to later events as in the WHATWG rules, or {@code null} when the
     * stream has not sent one.
     */
    public String id() {
        return id;
    }

    /**
     * The values of the event's {@code data:} fields joined with {@code "\n"}, decoded: never
     * {@code null}, possibly empty (a bare {@code data} line). Makes a new string on each call.
     */
    public String data() {
        return new String(data, offset, length, StandardCharsets.UTF_8);
    }

    /** The array holding the data's UTF-8 bytes; not to be modified. */
    public byte[] dataArray() {
        return data;
    }

    /** Where the data starts in {@link #dataArray()}. */
    public int dataOffset() {
        return offset;
    }

    /** The number of bytes of data. */
    public int dataLength() {
        return length;
    }

    /** A new array holding the data's UTF-8 bytes. */
    public byte[] dataBytes() {
        return Arrays.copyOfRange(data, offset, offset + length);
    }

    /** Whether the data is exactly {@code ascii}, a text of ASCII characters. */
    public boolean dataIs(String ascii) {
        return length == ascii.length() && dataStartsWith(ascii);
    }

    /** Whether the data starts with {@code ascii}, a text of ASCII characters. */
    public boolean dataStartsWith(String ascii) {
        if (length < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (data[offset + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the data is empty or only white space, as {@link String#isBlank()} tells. */
    public boolean isBlank() {
        for (int i = offset; i < offset + length; i++) {
            byte b = data[i];
            if (b < 0) {
                return data().isBlank();
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** This event with a copy of its data, to keep after the listener returns. */
    public SseEvent copy() {
        return new SseEvent(event, dataBytes(), id);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SseEvent that
                && Objects.equals(event, that.event)
                && Objects.equals(id, that.id)
                && Arrays.equals(data, offset, offset + length, that.data, that.offset, that.offset + that.length);
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + data[i];
        }
        return Objects.hash(event, id) * 31 + hash;
    }

    @Override
    public String toString() {
        return "SseEvent[event=" + event + ", data=" + data() + ", id=" + id + "]";
    }
}
