package dev.gomodel.providers.testing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A real HTTPS server on 127.0.0.1 (Jetty, as WireMock brings it) that speaks HTTP/2 and
 * HTTP/1.1, chosen by ALPN as a public upstream does, with a self-signed certificate from
 * {@link TestCertificates}. Each request goes to the test's {@link Handler} on a server thread.
 * It counts connections, requests by protocol and the most requests handled at once.
 */
public final class TlsServer implements AutoCloseable {

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        void handle(Call call) throws Exception;
    }

    /** How to start the server; {@link #defaults()} then {@code with...}. */
    public record Options(String certificate, int maxConcurrentStreams, boolean needClientAuth, String... trusted) {

        /** The {@link TestCertificates#SERVER} certificate, 128 streams per connection (as nginx), no client auth. */
        public static Options defaults() {
            return new Options(TestCertificates.SERVER, 128, false);
        }

        public Options withCertificate(String name) {
            return new Options(name, maxConcurrentStreams, needClientAuth, trusted);
        }

        public Options withMaxConcurrentStreams(int streams) {
            return new Options(certificate, streams, needClientAuth, trusted);
        }

        /** Asks every client for a certificate, trusting those named. */
        public Options withClientAuth(String... trustedClients) {
            return new Options(certificate, maxConcurrentStreams, true, trustedClients);
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();
    private final Set<String> protocols = ConcurrentHashMap.newKeySet();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    public TlsServer(Handler handler) throws Exception {
        this(Options.defaults(), handler);
    }

    public TlsServer(Options options, Handler handler) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(600, 8);
        threads.setName("tls-server");
        threads.setDaemon(true);
        server = new Server(threads);

        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        HttpConnectionFactory http1 = new HttpConnectionFactory(config);
        HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(config);
        http2.setMaxConcurrentStreams(options.maxConcurrentStreams());
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http1.getProtocol());

        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(TestCertificates.keyStore(options.certificate()));
        tls.setKeyStorePassword(new String(TestCertificates.PASSWORD));
        tls.setCipherComparator(HTTP2Cipher.COMPARATOR);
        tls.setSniRequired(false);
        tls.setEndpointIdentificationAlgorithm(null);
        if (options.needClientAuth()) {
            tls.setNeedClientAuth(true);
            tls.setTrustStore(TestCertificates.trustStore(options.trusted()));
        }

        connector = new ServerConnector(server, new SslConnectionFactory(tls, alpn.getProtocol()), alpn, http2, http1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.addBean(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                if (connection.getClass().getSimpleName().startsWith("SslConnection")) {
                    connections.incrementAndGet();
                }
            }

            @Override
            public void onClosed(Connection connection) {
            }
        });
        server.addConnector(connector);
        server.setHandler(new AbstractHandler() {
            @Override
            public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
                    throws IOException {
                base.setHandled(true);
                requests.incrementAndGet();
                protocols.add(request.getProtocol());
                int now = active.incrementAndGet();
                maxActive.accumulateAndGet(now, Math::max);
                try {
                    handler.handle(new Call(request, response));
                } catch (IOException e) {
                    // The client went away mid-answer: expected when a test cancels or closes.
                } catch (Exception e) {
                    failures.add(e);
                    if (!response.isCommitted()) {
                        response.sendError(500, e.toString());
                    }
                } finally {
                    active.decrementAndGet();
                }
            }
        });
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The base URL, {@code https://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return "https://127.0.0.1:" + port() + "/v1";
    }

    /** How many TLS connections were opened. */
    public int connectionCount() {
        return connections.get();
    }

    public int requestCount() {
        return requests.get();
    }

    /** The most requests handled at the same time. */
    public int maxConcurrentRequests() {
        return maxActive.get();
    }

    /** The protocols requests came with ({@code HTTP/2.0}, {@code HTTP/1.1}). */
    public Set<String> protocols() {
        return protocols;
    }

    /** What handlers threw, other than a client that went away. */
    public List<Throwable> failures() {
        return failures;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** One request and its response. */
    public static final class Call {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private String body;

        Call(HttpServletRequest request, HttpServletResponse response) {
            this.request = request;
            this.response = response;
        }

        public String protocol() {
            return request.getProtocol();
        }

        public String path() {
            return request.getRequestURI();
        }

        public String header(String name) {
            return request.getHeader(name);
        }

        /** The request body as text. */
        public String body() throws IOException {
            if (body == null) {
                body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
            return body;
        }

        public HttpServletResponse response() {
            return response;
        }

        /** Answers with a whole body of the given status and content type. */
        public void respond(int status, String contentType, byte[] bytes) throws IOException {
            body();
            response.setStatus(status);
            if (contentType != null) {
                response.setContentType(contentType);
            }
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }

        public void json(int status, String json) throws IOException {
            respond(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        /** Starts a {@code 200 text/event-stream} answer and returns its body, to write events to. */
        public OutputStream startEvents() throws IOException {
            body();
            response.setStatus(200);
            response.setContentType("text/event-stream");
            response.flushBuffer();
            return response.getOutputStream();
        }

        /** Writes text to the body and flushes it. */
        public void write(String text) throws IOException {
            OutputStream out = response.getOutputStream();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
