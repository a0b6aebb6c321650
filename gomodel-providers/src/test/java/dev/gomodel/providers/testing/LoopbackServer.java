package dev.gomodel.providers.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 for the cases WireMock cannot stage: a stream that stalls
 * mid-body, a connection the test must see closed, a keep-alive connection closed under the
 * client. Each accepted connection is handed to the test's {@link Handler} on its own thread.
 */
public final class LoopbackServer implements AutoCloseable {

    /** Serves one connection; may read several requests from it. */
    @FunctionalInterface
    public interface Handler {
        void serve(Connection connection, int connectionNumber) throws Exception;
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "loopback-server");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    public LoopbackServer(Handler handler) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    accepted.add(client);
                    int number = connections.incrementAndGet();
                    active.incrementAndGet();
                    threads.execute(() -> {
                        try (client) {
                            handler.serve(new Connection(client), number);
                        } catch (Exception e) {
                            failures.add(e);
                        } finally {
                            active.decrementAndGet();
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    public int connectionCount() {
        return connections.get();
    }

    /** How many connections a handler is still serving. */
    public int activeConnections() {
        return active.get();
    }

    /**
     * Waits up to {@code timeoutMillis} for every handler to return; returns whether they did. A
     * handler that waits for the client to close (see {@link Connection#awaitClientClose}) returns
     * only once the client let go of the connection.
     */
    public boolean awaitNoActiveConnections(long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (active.get() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    public List<Throwable> failures() {
        return failures;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : accepted) {
            client.close();
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One accepted connection, with helpers to read a request and write raw HTTP. */
    public static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Reads one request (headers and a Content-Length body); returns the body, or null at end of stream. */
        public String readRequest() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                        ? matched + 1 : 0;
            }
            int length = 0;
            for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            return new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        /** Writes bytes as they are and flushes. */
        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Closes the connection with a TCP reset instead of an orderly close. */
        public void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        /** Writes text as is and flushes. */
        public void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** Writes the head of a chunked {@code text/event-stream} response. */
        public void startEventStream() throws IOException {
            write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
        }

        /** Writes one HTTP chunk holding {@code text}. */
        public void writeChunk(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Writes the last chunk of a chunked body. */
        public void endChunks() throws IOException {
            write("0\r\n\r\n");
        }

        /** Writes a complete JSON response with Content-Length, keeping the connection open. */
        public void writeJson(int status, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            write("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n");
            out.write(body);
            out.flush();
        }

        /**
         * Waits until the client closes the connection (a read returns end of stream or fails),
         * up to {@code timeoutMillis}; returns whether it did.
         */
        public boolean awaitClientClose(long timeoutMillis) throws IOException {
            socket.setSoTimeout((int) timeoutMillis);
            try {
                while (true) {
                    if (in.read() < 0) {
                        return true;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }

        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
