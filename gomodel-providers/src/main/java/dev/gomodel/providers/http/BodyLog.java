package dev.gomodel.providers.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Logs request and response bodies, truncated, when the user turned that on with
 * {@code logBodies}; otherwise does nothing. Headers, and so credentials, are never logged.
 * Bodies go to the {@code dev.gomodel.providers.http.BodyLog} logger at {@code INFO}, because
 * asking for them is the decision to see them.
 *
 * <p>Immutable and thread-safe.
 */
final class BodyLog {

    private static final System.Logger LOG = System.getLogger(BodyLog.class.getName());
    private static final BodyLog OFF = new BodyLog("", 0);

    private final String provider;
    private final int maxChars;

    private BodyLog(String provider, int maxChars) {
        this.provider = provider;
        this.maxChars = maxChars;
    }

    /** A log of at most {@code maxChars} characters per body; {@code 0} for none. */
    static BodyLog of(String provider, int maxChars) {
        return maxChars == 0 ? OFF : new BodyLog(provider, maxChars);
    }

    void request(URI uri, byte[] body) {
        if (maxChars > 0) {
            LOG.log(System.Logger.Level.INFO, "{0}: POST {1} {2}", provider, uri, truncate(body));
        }
    }

    void response(int status, byte[] body) {
        if (maxChars > 0) {
            LOG.log(System.Logger.Level.INFO, "{0}: HTTP {1} {2}", provider, status, truncate(body));
        }
    }

    void event(SseEvent event) {
        if (maxChars > 0) {
            LOG.log(System.Logger.Level.INFO, "{0}: event {1} {2}", provider,
                    event.event() == null ? "message" : event.event(),
                    truncate(event.dataArray(), event.dataOffset(), event.dataLength()));
        }
    }

    private String truncate(byte[] body) {
        return truncate(body, 0, body.length);
    }

    private String truncate(byte[] body, int offset, int size) {
        // No character takes more than 4 bytes, so this decodes at least maxChars of them.
        int length = (int) Math.min(size, maxChars * 4L);
        return truncate(new String(body, offset, length, StandardCharsets.UTF_8), length < size);
    }

    private String truncate(String text, boolean cut) {
        if (text.length() <= maxChars && !cut) {
            return text;
        }
        int end = Math.min(text.length(), maxChars);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "... (truncated)";
    }
}
