package dev.gomodel.providers.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A second, deliberately plain reading of an event stream for the fuzz tests to compare
 * {@link SseDecoder} with: the whole input at once, cut into lines first, each value decoded on
 * its own, no buffers carried between calls. It follows the rules {@link SseDecoder} documents,
 * size limit included.
 */
final class SseReference {

    /**
     * What a stream decodes to.
     *
     * @param log events and comments ({@code "comment:" + text}) in order
     * @param clean what {@code finish} returns; {@code false} too when an event was too large
     * @param tooLarge whether an event exceeded the limit (the log then ends before it)
     */
    record Outcome(List<Object> log, boolean clean, boolean tooLarge) {
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private SseReference() {
    }

    static Outcome decode(byte[] stream, int maxEventBytes) {
        List<byte[]> lines = new ArrayList<>();
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        for (int i = 0; i < stream.length; i++) {
            byte b = stream[i];
            if (b == '\r' || b == '\n') {
                lines.add(current.toByteArray());
                current.reset();
                if (b == '\r' && i + 1 < stream.length && stream[i + 1] == '\n') {
                    i++;
                }
            } else {
                current.write(b);
            }
        }
        byte[] unfinished = current.toByteArray();

        List<Object> log = new ArrayList<>();
        List<String> data = new ArrayList<>();
        long dataBytes = 0;
        String eventName = null;
        String lastId = null;
        for (int n = 0; n < lines.size(); n++) {
            byte[] line = lines.get(n);
            if (dataBytes + line.length > maxEventBytes) {
                return new Outcome(log, false, true);
            }
            if (n == 0 && startsWithBom(line)) {
                line = Arrays.copyOfRange(line, 3, line.length);
            }
            if (line.length == 0) {
                if (!data.isEmpty()) {
                    log.add(new SseEvent(eventName, String.join("\n", data), lastId));
                }
                data.clear();
                dataBytes = 0;
                eventName = null;
                continue;
            }
            int colon = indexOf(line, (byte) ':');
            String name = new String(line, 0, colon < 0 ? line.length : colon, UTF_8);
            byte[] value = colon < 0 ? new byte[0] : Arrays.copyOfRange(line, colon + 1, line.length);
            if (value.length > 0 && value[0] == ' ') {
                value = Arrays.copyOfRange(value, 1, value.length);
            }
            if (colon == 0) {
                log.add("comment:" + new String(value, UTF_8));
            } else if (name.equals("data")) {
                data.add(new String(value, UTF_8));
                dataBytes += value.length + 1;
            } else if (name.equals("event")) {
                eventName = value.length == 0 ? null : new String(value, UTF_8);
            } else if (name.equals("id") && indexOf(value, (byte) 0) < 0) {
                lastId = new String(value, UTF_8);
            }
        }
        if (dataBytes + unfinished.length > maxEventBytes) {
            return new Outcome(log, false, true);
        }
        boolean onlyBom = lines.isEmpty() && Arrays.equals(unfinished, BOM);
        if (unfinished.length > 0 && !onlyBom) {
            return new Outcome(log, false, false);
        }
        if (!data.isEmpty()) {
            log.add(new SseEvent(eventName, String.join("\n", data), lastId));
        }
        return new Outcome(log, true, false);
    }

    private static boolean startsWithBom(byte[] line) {
        return line.length >= 3 && Arrays.equals(line, 0, 3, BOM, 0, 3);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
