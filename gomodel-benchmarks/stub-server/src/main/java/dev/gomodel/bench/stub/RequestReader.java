package dev.gomodel.bench.stub;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads HTTP/1.1 requests one after another from one connection: the request line, the
 * headers this stub needs, and the body ({@code Content-Length} or chunked). Not thread-safe:
 * one per connection.
 */
final class RequestReader {

    /** One request: what the stub routes on, and its body. */
    record Request(boolean post, String path, boolean close, byte[] body, int bodyLength) {

        /** Whether the body holds {@code "stream"} set to {@code true}, whatever the spacing. */
        boolean streams() {
            int at = indexOf("\"stream\"", 0);
            while (at >= 0) {
                int i = skipSpaces(at + 8);
                if (i < bodyLength && body[i] == ':') {
                    i = skipSpaces(i + 1);
                    return i + 4 <= bodyLength && body[i] == 't' && body[i + 1] == 'r' && body[i + 2] == 'u'
                            && body[i + 3] == 'e';
                }
                at = indexOf("\"stream\"", at + 1);
            }
            return false;
        }

        boolean mentions(String ascii) {
            return indexOf(ascii, 0) >= 0;
        }

        private int skipSpaces(int i) {
            while (i < bodyLength && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
                i++;
            }
            return i;
        }

        private int indexOf(String ascii, int from) {
            outer:
            for (int i = from; i <= bodyLength - ascii.length(); i++) {
                for (int j = 0; j < ascii.length(); j++) {
                    if (body[i + j] != ascii.charAt(j)) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    private final InputStream in;
    private byte[] buffer = new byte[32 * 1024];
    private int position;
    private int limit;
    private byte[] body = new byte[8 * 1024];

    RequestReader(InputStream in) {
        this.in = in;
    }

    /** The next request, or {@code null} when the client closed the connection between requests. */
    Request next() throws IOException {
        String requestLine = line(true);
        if (requestLine == null) {
            return null;
        }
        int space = requestLine.indexOf(' ');
        int space2 = requestLine.indexOf(' ', space + 1);
        if (space < 0 || space2 < 0) {
            throw new IOException("bad request line: " + requestLine);
        }
        boolean post = requestLine.startsWith("POST ");
        String path = requestLine.substring(space + 1, space2);
        long contentLength = 0;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(false); !header.isEmpty(); header = line(false)) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        int length = chunked ? readChunkedBody() : readBody((int) contentLength, 0);
        return new Request(post, path, close, body, length);
    }

    private int readChunkedBody() throws IOException {
        int length = 0;
        while (true) {
            String sizeLine = line(false);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!line(false).isEmpty()) {
                    // Trailers are not used.
                }
                return length;
            }
            length = readBody(size, length);
            line(false);
        }
    }

    /** Appends {@code count} bytes to the body at {@code offset}; returns the new length. */
    private int readBody(int count, int offset) throws IOException {
        if (body.length < offset + count) {
            body = Arrays.copyOf(body, Math.max(body.length * 2, offset + count));
        }
        int copied = 0;
        while (copied < count) {
            if (position == limit && !fill()) {
                throw new EOFException("request body ended early");
            }
            int n = Math.min(count - copied, limit - position);
            System.arraycopy(buffer, position, body, offset + copied, n);
            position += n;
            copied += n;
        }
        return offset + count;
    }

    /** A line without its CRLF; {@code null} at a clean end of input when {@code endAllowed}. */
    private String line(boolean endAllowed) throws IOException {
        int scanned = 0;
        while (true) {
            for (int i = position + scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
                    position = i + 1;
                    return line;
                }
            }
            scanned = limit - position;
            if (!fill()) {
                if (endAllowed && position == limit) {
                    return null;
                }
                throw new EOFException("request ended inside a line");
            }
        }
    }

    /** Reads more input after what is buffered, compacting or growing the buffer; false at end of input. */
    private boolean fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }
}
