package dev.gomodel.providers.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An incremental decoder of a Server-Sent Events stream ({@code text/event-stream}), following
 * the "event stream interpretation" rules of the WHATWG HTML standard: bytes in, {@link SseEvent}s
 * out. It knows nothing of HTTP or of what the events carry.
 *
 * <p>Feed it the body's bytes with {@link #decode} in whatever pieces they arrive: a line, a
 * {@code CRLF} line end or a multi-byte UTF-8 character may be split across two calls. Then call
 * {@link #finish} once when the body ends. Listener callbacks run inside those calls. The decoder
 * never blocks and does no I/O, so it can be driven from an
 * {@link java.net.http.HttpResponse.BodySubscriber}'s {@code onNext}.
 *
 * <p>Rules applied:
 * <ul>
 *   <li>Lines end in {@code LF}, {@code CRLF} or {@code CR}; a {@code CR} ending one buffer and an
 *       {@code LF} starting the next make one line end.</li>
 *   <li>A UTF-8 byte order mark at the very start of the stream is skipped.</li>
 *   <li>Text is UTF-8; malformed bytes become U+FFFD, nothing is thrown. An event's data is
 *       handed over as bytes, well-formed UTF-8 after that replacement; its name, the id and
 *       comments as strings.</li>
 *   <li>A line starting with {@code :} is a comment, passed to {@link SseListener#onComment}.</li>
 *   <li>Otherwise the line is {@code field:value} (one leading space of the value removed), or a
 *       field with an empty value when it has no colon. {@code data} appends the value and a
 *       newline to the event's data; {@code event} sets the event name; {@code id} sets the last
 *       event id unless the value contains NUL; {@code retry} and unknown fields are ignored.</li>
 *   <li>A blank line ends the event: it is dispatched if its data is non-empty (minus the final
 *       newline); then data and event name are reset. The id carries over to later events.</li>
 * </ul>
 *
 * <p>Size limit: when the data of the current event plus the bytes of the line being read exceed
 * {@code maxEventBytes}, {@link #decode} throws {@link EventTooLargeException}. There is no other
 * cap on line length. After that exception the decoder is unusable: the stream should be
 * abandoned, further {@code decode} calls throw {@link IllegalStateException} and {@code finish}
 * returns {@code false}.
 *
 * <p>Memory: the bytes of the current line and of the current event's data are kept in two
 * growable arrays reused from line to line. A dispatched {@link SseEvent} is a view of the data
 * array, valid until the listener returns. One {@code String} is made per id or comment, and
 * per event name unless it repeats the previous one.
 *
 * <p><b>Not thread-safe.</b> One decoder belongs to one stream and must be driven by that
 * stream's serial signals (as a {@code BodySubscriber}'s are); it must not be called
 * concurrently.
 */
public final class SseDecoder {

    private static final int INITIAL_CAPACITY = 1024;
    /** Buffers grown past this are dropped back to the initial size once no longer needed. */
    private static final int RETAINED_CAPACITY = 64 * 1024;

    /** Reads eight bytes of an array at any index as one {@code long}. */
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** The high bit of each of eight bytes: a {@code long} of ASCII bytes has none of them set. */
    private static final long HIGH_BITS = 0x8080808080808080L;

    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final byte COLON = ':';
    private static final byte SPACE = ' ';

    private static final byte[] DATA = {'d', 'a', 't', 'a'};
    private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};
    private static final byte[] ID = {'i', 'd'};

    private final int maxEventBytes;

    /** Bytes of the line being read, without its terminator. */
    private byte[] line;
    private int lineLength;

    /** The current event's data: each data value followed by LF, as UTF-8 bytes. */
    private byte[] data;
    private int dataLength;

    /** The current event's name, or null when none (or an empty one) was given. */
    private String eventName;
    /** The last event name read, and its bytes, for a stream that names every event. */
    private String previousName;
    private byte[] previousNameBytes = new byte[0];
    /** The last event id buffer; carries over from event to event. */
    private String lastEventId;

    /** The previous buffer ended with CR: an LF starting the next one belongs to that line end. */
    private boolean skipLeadingLf;
    /** No line has been completed yet, so a byte order mark may still start the stream. */
    private boolean atStreamStart = true;

    private boolean failed;
    private boolean finished;
    private boolean finishResult;

    /**
     * Creates a decoder for one stream.
     *
     * @param maxEventBytes the most bytes one event may hold: its data so far plus the raw bytes of
     *                      the line being read; must be positive
     * @throws IllegalArgumentException if {@code maxEventBytes} is not positive
     */
    public SseDecoder(int maxEventBytes) {
        if (maxEventBytes < 1) {
            throw new IllegalArgumentException("maxEventBytes must be positive: " + maxEventBytes);
        }
        this.maxEventBytes = maxEventBytes;
        int initial = Math.min(INITIAL_CAPACITY, maxEventBytes);
        this.line = new byte[initial];
        this.data = new byte[initial];
    }

    /**
     * Consumes all remaining bytes of {@code bytes} and dispatches to {@code listener} every event
     * and comment they complete. Bytes of an unfinished line are kept for the next call. On return
     * the buffer's position equals its limit. If the listener throws, the exception propagates with
     * the buffer positioned just after the line that led to the callback, and the decoder remains
     * consistent.
     *
     * @throws EventTooLargeException if an event grows past {@code maxEventBytes}
     * @throws IllegalStateException  if {@link #finish} was called or an event was too large
     */
    public void decode(ByteBuffer bytes, SseListener listener) {
        if (finished) {
            throw new IllegalStateException("the SSE decoder is finished");
        }
        if (failed) {
            throw new IllegalStateException("the SSE decoder failed on an oversized event");
        }
        int pos = bytes.position();
        final int limit = bytes.limit();
        while (pos < limit) {
            if (skipLeadingLf) {
                skipLeadingLf = false;
                if (bytes.get(pos) == LF) {
                    pos++;
                    continue;
                }
            }
            int end = pos;
            byte b = 0;
            while (end < limit) {
                b = bytes.get(end);
                if (b == LF || b == CR) {
                    break;
                }
                end++;
            }
            if (end > pos) {
                appendToLine(bytes, pos, end - pos);
            }
            if (end == limit) {
                pos = limit;
                break;
            }
            pos = end + 1;
            if (b == CR) {
                if (pos < limit) {
                    if (bytes.get(pos) == LF) {
                        pos++;
                    }
                } else {
                    skipLeadingLf = true;
                }
            }
            bytes.position(pos);
            processLine(listener);
        }
        bytes.position(pos);
    }

    /**
     * Ends the input. If it ended at a line boundary and an event with non-empty data is pending
     * (the stream omitted the final blank line), that event is dispatched. If it ended inside a
     * line, that partial line and the event it belonged to are dropped, not dispatched, since
     * either may have been cut short. After this call {@link #decode} throws; calling
     * {@code finish} again returns the same answer and dispatches nothing.
     *
     * @return {@code true} when the input ended cleanly, {@code false} when it was cut mid-line
     *         (or an earlier event was too large) and something was lost
     */
    public boolean finish(SseListener listener) {
        if (finished) {
            return finishResult;
        }
        finished = true;
        if (failed) {
            finishResult = false;
            return false;
        }
        // A byte order mark alone is not a line; a first line that merely starts with one is.
        boolean onlyByteOrderMark = atStreamStart && lineLength == 3 && isByteOrderMark(line, 0, lineLength);
        boolean partialLine = lineLength > 0 && !onlyByteOrderMark;
        finishResult = !partialLine;
        try {
            if (!partialLine) {
                dispatch(listener);
            }
        } finally {
            release();
        }
        return finishResult;
    }

    private void appendToLine(ByteBuffer bytes, int from, int count) {
        long size = (long) dataLength + lineLength + count;
        if (size > maxEventBytes) {
            failed = true;
            release();
            throw new EventTooLargeException(maxEventBytes);
        }
        int needed = lineLength + count;
        if (needed > line.length) {
            line = Arrays.copyOf(line, grownCapacity(line.length, needed));
        }
        bytes.get(from, line, lineLength, count);
        lineLength = needed;
    }

    private int grownCapacity(int capacity, int needed) {
        long doubled = 2L * capacity;
        return (int) Math.max(needed, Math.min(doubled, maxEventBytes));
    }

    /** Interprets the complete line held in {@link #line} and clears it. */
    private void processLine(SseListener listener) {
        int start = 0;
        int end = lineLength;
        if (atStreamStart) {
            atStreamStart = false;
            if (isByteOrderMark(line, 0, end)) {
                start = 3;
            }
        }
        lineLength = 0;
        if (start == end) {
            dispatch(listener);
            shrinkLine();
            return;
        }
        if (line[start] == COLON) {
            int valueStart = start + 1;
            if (valueStart < end && line[valueStart] == SPACE) {
                valueStart++;
            }
            listener.onComment(utf8(line, valueStart, end));
            return;
        }
        int colon = indexOf(line, COLON, start, end);
        int nameEnd = colon < 0 ? end : colon;
        int valueStart = colon < 0 ? end : colon + 1;
        if (valueStart < end && line[valueStart] == SPACE) {
            valueStart++;
        }
        if (fieldIs(DATA, start, nameEnd)) {
            appendData(valueStart, end);
        } else if (fieldIs(EVENT, start, nameEnd)) {
            eventName = valueStart == end ? null : name(valueStart, end);
        } else if (fieldIs(ID, start, nameEnd)) {
            if (indexOf(line, (byte) 0, valueStart, end) < 0) {
                lastEventId = utf8(line, valueStart, end);
            }
        }
        // "retry" and unknown fields are ignored.
    }

    private void appendData(int valueStart, int valueEnd) {
        int count = valueEnd - valueStart;
        // Cannot pass maxEventBytes: the line held the value plus at least "data".
        int needed = dataLength + count + 1;
        if (needed > data.length) {
            data = Arrays.copyOf(data, grownCapacity(data.length, needed));
        }
        System.arraycopy(line, valueStart, data, dataLength, count);
        data[needed - 1] = LF;
        dataLength = needed;
    }

    /** The event name in {@code line[from, to)}, the previous one's string when the bytes are the same. */
    private String name(int from, int to) {
        if (!Arrays.equals(line, from, to, previousNameBytes, 0, previousNameBytes.length)) {
            previousNameBytes = Arrays.copyOfRange(line, from, to);
            previousName = utf8(line, from, to);
        }
        return previousName;
    }

    /**
     * Dispatches the pending event, if it has data, as a view of the data array, and resets the
     * data and event name for the next one.
     */
    private void dispatch(SseListener listener) {
        int length = dataLength - 1;
        String name = eventName;
        dataLength = 0;
        eventName = null;
        if (length < 0) {
            return;
        }
        byte[] bytes = data;
        if (!isWellFormedUtf8(bytes, 0, length)) {
            bytes = utf8(bytes, 0, length).getBytes(StandardCharsets.UTF_8);
            length = bytes.length;
        }
        try {
            listener.onEvent(new SseEvent(name, bytes, 0, length, lastEventId));
        } finally {
            if (data.length > RETAINED_CAPACITY) {
                data = new byte[Math.min(INITIAL_CAPACITY, maxEventBytes)];
            }
        }
    }

    private void shrinkLine() {
        if (line.length > RETAINED_CAPACITY) {
            line = new byte[Math.min(INITIAL_CAPACITY, maxEventBytes)];
        }
    }

    /** Drops everything held; used once the decoder will not be fed again. */
    private void release() {
        line = new byte[0];
        lineLength = 0;
        data = new byte[0];
        dataLength = 0;
        eventName = null;
    }

    private boolean fieldIs(byte[] name, int start, int end) {
        return Arrays.equals(line, start, end, name, 0, name.length);
    }

    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isByteOrderMark(byte[] bytes, int from, int to) {
        return to - from >= 3
                && bytes[from] == (byte) 0xEF
                && bytes[from + 1] == (byte) 0xBB
                && bytes[from + 2] == (byte) 0xBF;
    }

    /**
     * Whether {@code bytes[from, to)} is well-formed UTF-8 (Unicode's table 3-7: no overlong
     * forms, surrogates, code points past U+10FFFF or cut sequences), which is what decoding
     * leaves unchanged.
     */
    static boolean isWellFormedUtf8(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            // ASCII, nearly all of a JSON event, is passed over eight bytes at a time.
            if (i + Long.BYTES <= to && ((long) EIGHT_BYTES.get(bytes, i) & HIGH_BITS) == 0) {
                i += Long.BYTES;
                continue;
            }
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            int count;
            int min = 0x80;
            int max = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                count = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                count = 2;
                if (b == 0xE0) {
                    min = 0xA0;
                } else if (b == 0xED) {
                    max = 0x9F;
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                count = 3;
                if (b == 0xF0) {
                    min = 0x90;
                } else if (b == 0xF4) {
                    max = 0x8F;
                }
            } else {
                return false;
            }
            if (to - i <= count) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min || second > max) {
                return false;
            }
            for (int k = 2; k <= count; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return false;
                }
            }
            i += count + 1;
        }
        return true;
    }

    private static String utf8(byte[] bytes, int from, int to) {
        // new String(..., UTF_8) replaces malformed input with U+FFFD.
        return from == to ? "" : new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * Thrown by {@link SseDecoder#decode} when one event (its data so far plus the line being
     * read) exceeds the decoder's {@code maxEventBytes}: a guard against a stream that never ends
     * an event or a line. The decoder is unusable afterwards. Immutable.
     */
    public static final class EventTooLargeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int limit;

        /** Creates the exception for the given limit in bytes. */
        public EventTooLargeException(int limit) {
            super("server-sent event exceeds the limit of " + limit + " bytes");
            this.limit = limit;
        }

        /** The limit in bytes that was exceeded. */
        public int limit() {
            return limit;
        }
    }
}
