package dev.gomodel.providers.http;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many HTTP/2 streams one JDK client may open at once to each server, learned from the
 * server. An HTTP/2 server caps the streams of a connection ({@code SETTINGS_MAX_CONCURRENT_STREAMS},
 * 128 for nginx, 100 for many others), and the JDK client fails a request beyond that cap with
 * {@code IOException("too many concurrent streams")} before sending anything, instead of waiting
 * or opening another connection. The first such refusal sets the server's limit here to the
 * streams then in use, less one; later requests to that server beyond it wait for a stream to
 * end (see {@link LimitedClient}), within the provider's wait for a slot.
 *
 * <p>One per JDK client, shared by every provider that uses the client. Thread-safe.
 */
final class StreamLimits {

    private final ConcurrentMap<String, SlotQueue> byOrigin = new ConcurrentHashMap<>();

    /** The streams to the server of {@code uri} (scheme, host and port). */
    SlotQueue of(URI uri) {
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":"
                + uri.getPort();
        return byOrigin.computeIfAbsent(origin, o -> new SlotQueue(Integer.MAX_VALUE));
    }
}
