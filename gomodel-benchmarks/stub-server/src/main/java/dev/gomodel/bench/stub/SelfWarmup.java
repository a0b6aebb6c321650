package dev.gomodel.bench.stub;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends the stub its own requests over one keep-alive loopback connection before it reports
 * ready, so its code is compiled before the first client's cold start is measured; it also
 * checks that each answer arrives whole.
 */
final class SelfWarmup {

    private SelfWarmup() {
    }

    static void run(int port, Answers answers, long millis) throws IOException {
        byte[] create = request("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        byte[] stream = request("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"stream\": true}");
        byte[] sink = new byte[64 * 1024];
        long end = System.nanoTime() + millis * 1_000_000;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; System.nanoTime() < end; i++) {
                boolean streamed = i % 8 == 7;
                out.write(streamed ? stream : create);
                out.flush();
                readExactly(in, streamed ? answers.stream.length : answers.create.length, sink);
            }
        }
    }

    private static byte[] request(String body) {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + json.length + "\r\n\r\n";
        byte[] head8 = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head8.length + json.length];
        System.arraycopy(head8, 0, all, 0, head8.length);
        System.arraycopy(json, 0, all, head8.length, json.length);
        return all;
    }

    private static void readExactly(InputStream in, int count, byte[] sink) throws IOException {
        int read = 0;
        while (read < count) {
            int n = in.read(sink, 0, Math.min(sink.length, count - read));
            if (n < 0) {
                throw new EOFException("the stub's answer ended after " + read + " of " + count + " bytes");
            }
            read += n;
        }
    }
}
