package dev.gomodel.bench.stub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's upstream: a loopback HTTP/1.1 server answering {@code POST .../chat/completions}
 * with pre-serialized OpenAI-format answers ({@link Answers}), one blocking thread per
 * connection, keep-alive. {@code GET /stats} tells how many calls it served, and on how many
 * connections (those that carried at least one call).
 *
 * <p>Run in its own JVM: {@code java dev.gomodel.bench.stub.StubServer [warmupMillis]}. It warms
 * itself up through a loopback socket, prints one line
 * {@code READY port=<port> createChars=<n> streamChunks=<n> streamChars=<n>} and serves until its
 * standard input ends, so it never outlives the process that started it.
 */
public final class StubServer {

    private final ServerSocket server;
    private final Answers answers;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong creates = new AtomicLong();
    private final AtomicLong streams = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    private StubServer(ServerSocket server, Answers answers) {
        this.server = server;
        this.answers = answers;
    }

    public static void main(String[] args) throws IOException {
        long warmupMillis = args.length > 0 ? Long.parseLong(args[0]) : 1_500;
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1_024);
        StubServer stub = new StubServer(socket, Answers.build());
        Thread acceptor = new Thread(stub::acceptLoop, "stub-accept");
        acceptor.setDaemon(true);
        acceptor.start();

        SelfWarmup.run(socket.getLocalPort(), stub.answers, warmupMillis);
        System.out.println("READY port=" + socket.getLocalPort() + " createChars=" + stub.answers.createChars
                + " streamChunks=" + Answers.STREAM_CHUNKS + " streamChars=" + stub.answers.streamChars);
        System.out.flush();

        InputStream stdin = System.in;
        while (stdin.read() != -1) {
            // Serve until the parent closes our standard input or dies.
        }
        System.exit(0);
    }

    private void acceptLoop() {
        while (true) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            Thread thread = new Thread(() -> serve(socket), "stub-conn-" + socket.getPort());
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            RequestReader in = new RequestReader(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            RequestReader.Request request;
            boolean counted = false;
            while ((request = in.next()) != null) {
                boolean keepAlive = !request.close();
                if (request.post() && request.path().endsWith("/chat/completions") && request.mentions("\"messages\"")) {
                    if (!counted) {
                        connections.incrementAndGet();
                        counted = true;
                    }
                    if (request.streams()) {
                        streams.incrementAndGet();
                        out.write(answers.stream);
                    } else {
                        creates.incrementAndGet();
                        out.write(answers.create);
                    }
                } else if (!request.post() && request.path().equals("/stats")) {
                    out.write(plain("200 OK", "connections=" + connections.get() + " creates=" + creates.get()
                            + " streams=" + streams.get() + " rejected=" + rejected.get() + "\n", false));
                    keepAlive = false;
                } else {
                    rejected.incrementAndGet();
                    out.write(plain("404 Not Found", "{\"error\":{\"message\":\"the stub serves POST "
                            + "/v1/chat/completions with messages\",\"type\":\"invalid_request_error\"}}", keepAlive));
                }
                out.flush();
                if (!keepAlive) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to do.
        }
    }

    private static byte[] plain(String status, String body, boolean keepAlive) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length
                + "\r\nConnection: " + (keepAlive ? "keep-alive" : "close") + "\r\n\r\n";
        byte[] head8 = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head8.length + bytes.length];
        System.arraycopy(head8, 0, all, 0, head8.length);
        System.arraycopy(bytes, 0, all, head8.length, bytes.length);
        return all;
    }
}
