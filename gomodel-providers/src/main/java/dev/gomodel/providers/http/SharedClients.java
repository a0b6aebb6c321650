package dev.gomodel.providers.http;

import dev.gomodel.providers.TransportSettings;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The JDK clients that providers share: one per distinct {@link Key}, made by the first provider
 * that needs it and released when the last one using it closes. Providers of one application
 * that need the same TLS, proxy and HTTP settings thus share one selector thread and one
 * connection pool per host, so threads and sockets grow with traffic, not with the number of
 * providers configured.
 *
 * <p>A client made here runs the JDK's tasks inline unless the key names an executor (see
 * {@link HttpTransport}); follows no redirect (a redirect of a {@code POST} would replay the
 * prompt elsewhere); and applies the customizer after the TLS and proxy settings, then the
 * library's own executor and connect timeout, which a customizer cannot replace.
 *
 * <p>Thread-safe: the registry is guarded by its own lock, held only to count users.
 */
final class SharedClients {

    private static final System.Logger LOG = System.getLogger(SharedClients.class.getName());

    /** Guarded by itself. */
    private static final Map<Key, Shared> CLIENTS = new HashMap<>();

    private SharedClients() {
    }

    /**
     * What makes two providers' JDK clients interchangeable.
     *
     * @param settings TLS, proxy, versions and customizer
     * @param connectTimeout the connect timeout, a setting of the JDK client
     * @param executor the executor the JDK hands its work to, or {@code null} to run it inline;
     *     equal when it is the same object
     */
    record Key(TransportSettings settings, Duration connectTimeout, Executor executor) {
    }

    /** The shared client for {@code key}, counted as used once more until {@link Shared#release()}. */
    static Shared acquire(Key key) {
        synchronized (CLIENTS) {
            Shared shared = CLIENTS.computeIfAbsent(key, k -> new Shared(k, build(k)));
            shared.users++;
            return shared;
        }
    }

    /** How many distinct JDK clients are in use now. */
    static int count() {
        synchronized (CLIENTS) {
            return CLIENTS.size();
        }
    }

    private static HttpClient build(Key key) {
        TransportSettings settings = key.settings();
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_2);
        if (settings.sslContext() != null) {
            builder.sslContext(settings.sslContext());
        }
        if (settings.sslParameters() != null) {
            builder.sslParameters(settings.sslParameters());
        }
        if (settings.proxy() != null) {
            builder.proxy(settings.proxy());
        }
        if (settings.proxyAuthenticator() != null) {
            builder.authenticator(settings.proxyAuthenticator());
        }
        if (settings.customizer() != null) {
            settings.customizer().accept(builder);
        }
        return builder.connectTimeout(key.connectTimeout())
                .executor(key.executor() != null ? key.executor() : Runnable::run)
                .build();
    }

    /** One shared JDK client and how many transports use it. */
    static final class Shared {
        private final Key key;
        /** The client; {@code null} once released, so that holders of this object do not keep it reachable. */
        private volatile HttpClient client;
        /** Guarded by {@link #CLIENTS}. */
        private int users;
        private final StreamLimits streamLimits = new StreamLimits();

        private Shared(Key key, HttpClient client) {
            this.key = key;
            this.client = client;
        }

        HttpClient client() {
            return client;
        }

        /** The HTTP/2 stream limits of the shared client's servers. */
        StreamLimits streamLimits() {
            return streamLimits;
        }

        /**
         * One user is done with the client; the last one releases it: on JDKs where
         * {@link HttpClient} is {@link AutoCloseable} (21 and later) it is closed, which closes its
         * connections and ends its selector thread; on JDK 17, which cannot close a client, they go
         * when it is garbage collected, which nothing here prevents.
         */
        void release() {
            synchronized (CLIENTS) {
                if (--users > 0) {
                    return;
                }
                CLIENTS.remove(key, this);
            }
            HttpClient released = client;
            client = null;
            if (released instanceof AutoCloseable closeable) {
                // Every exchange of every user was aborted before its release, so closing waits only
                // for the I/O thread to end. Inside one of the client's callbacks this thread may be
                // that I/O thread, which can never see itself end: there the close finishes on a
                // thread of its own.
                if (!ClientCallbacks.isRunning()) {
                    closeQuietly(closeable);
                } else {
                    Thread closer = new Thread(() -> closeQuietly(closeable), "gomodel-http-close");
                    closer.setDaemon(true);
                    closer.start();
                }
            }
        }

        private static void closeQuietly(AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a shared HTTP client failed", e);
            }
        }
    }
}
