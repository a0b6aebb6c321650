package dev.gomodel.providers.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on 127.0.0.1 that serves {@code CONNECT} tunnels, as a corporate proxy does for
 * {@code https://} upstreams: it reads the {@code CONNECT host:port} request, optionally demands
 * Basic proxy authentication (answering {@code 407} until it gets it), then connects to the
 * target and copies bytes both ways. It records the targets and counts the 407s it sent.
 */
public final class ConnectProxy implements AutoCloseable {

    private final ServerSocket socket;
    private final String expectedAuthorization;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "connect-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger challenges = new AtomicInteger();

    /** A proxy without authentication. */
    public ConnectProxy() throws IOException {
        this(null, null);
    }

    /** A proxy that wants Basic authentication as {@code user} with {@code password}, unless both are null. */
    public ConnectProxy(String user, String password) throws IOException {
        this.expectedAuthorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    sockets.add(client);
                    threads.execute(() -> serve(client));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    /** The {@code host:port} of every tunnel opened. */
    public List<String> targets() {
        return targets;
    }

    /** How many {@code 407} answers were sent. */
    public int challenges() {
        return challenges.get();
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
                if (!requestLine[0].equals("CONNECT")) {
                    out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    continue;
                }
                if (expectedAuthorization != null && !head.lines().anyMatch(line ->
                        line.toLowerCase().startsWith("proxy-authorization:")
                                && line.substring(line.indexOf(':') + 1).trim().equals(expectedAuthorization))) {
                    challenges.incrementAndGet();
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                            + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    continue;
                }
                String target = requestLine[1];
                targets.add(target);
                int colon = target.lastIndexOf(':');
                try (Socket upstream = new Socket(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)))) {
                    sockets.add(upstream);
                    out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    threads.execute(() -> copy(upstream, client));
                    copy(client, upstream);
                }
                return;
            }
        } catch (IOException e) {
            // A side closed: the tunnel ends.
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // A side closed.
        }
    }

    private static String readHead(InputStream in) throws IOException {
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
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket each : sockets) {
            each.close();
        }
        threads.shutdownNow();
    }
}
