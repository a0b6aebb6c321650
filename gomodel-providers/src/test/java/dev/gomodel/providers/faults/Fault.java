package dev.gomodel.providers.faults;

import dev.gomodel.error.ConnectionException;
import dev.gomodel.error.GoModelException;
import dev.gomodel.error.MalformedResponseException;
import dev.gomodel.error.ProviderErrorException;
import dev.gomodel.error.RateLimitException;
import dev.gomodel.error.RequestTimeoutException;
import dev.gomodel.error.RequestTimeoutException.Phase;
import dev.gomodel.providers.testing.LoopbackServer.Connection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * One way an upstream misbehaves, as a script a {@link dev.gomodel.providers.testing.LoopbackServer}
 * plays on a connection, and what a provider called directly must make of it.
 *
 * <p>Every response the script completes carries {@code Connection: close} and is closed by the
 * server, so no healthy connection stays pooled; every script that stops short waits for the
 * client to close the connection. A connection still open after the call ended is one the client
 * left behind.
 */
enum Fault {
    REFUSED(ConnectionException.class, null, 0),
    RESET_BEFORE_HEADERS(ConnectionException.class, null, 0),
    RESET_AFTER_HEADERS(ConnectionException.class, null, 0),
    RESET_MID_BODY(ConnectionException.class, null, 1),
    EMPTY_RESPONSE(ConnectionException.class, null, 0),
    GARBAGE_THEN_CLOSE(ConnectionException.class, null, 0),
    MALFORMED_JSON(MalformedResponseException.class, null, 0),
    HTML_200(MalformedResponseException.class, null, 0),
    HUGE_BODY(MalformedResponseException.class, null, 0),
    STALL_AFTER_HEADERS(RequestTimeoutException.class, Phase.IDLE, 0),
    STALL_AFTER_ONE_EVENT(RequestTimeoutException.class, Phase.IDLE, 1),
    STALL_BETWEEN_DATA_LINES(RequestTimeoutException.class, Phase.IDLE, 1),
    SLOW_DRIP(null, null, 3),
    NEVER_ENDS_SILENT(RequestTimeoutException.class, Phase.IDLE, 3),
    NEVER_ENDS_PINGING(RequestTimeoutException.class, Phase.TOTAL, 1),
    IN_STREAM_ERROR(ProviderErrorException.class, null, 1),
    ERROR_ENVELOPE_200(ProviderErrorException.class, null, 0),
    RETRY_AFTER_BOGUS(RateLimitException.class, null, 0),
    RETRY_AFTER_NEGATIVE(RateLimitException.class, null, 0),
    RETRY_AFTER_HUGE(RateLimitException.class, null, 0);

    /** How long a dripped byte waits; well under the matrix's idle timeout. */
    static final long DRIP_MILLIS = 40;
    /** How many bytes at the end of an answer are dripped. */
    static final int DRIPPED_BYTES = 25;
    /** How long a script waits for the client to let go before it gives up. */
    static final int CLIENT_CLOSE_WAIT_MILLIS = 60_000;

    private static final String RATE_LIMITED = "{\"error\":{\"message\":\"Rate limit reached for requests\","
            + "\"type\":\"rate_limit_error\",\"code\":\"rate_limit_exceeded\"}}";

    /** What a direct call ends with: {@code null} for success. */
    final Class<? extends GoModelException> error;
    /** The timeout phase, for a {@link RequestTimeoutException}. */
    final Phase phase;
    /** How many of the three pieces of text ("Hel", "lo", "!") a stream delivers before the end. */
    final int piecesStreamed;

    Fault(Class<? extends GoModelException> error, Phase phase, int piecesStreamed) {
        this.error = error;
        this.phase = phase;
        this.piecesStreamed = piecesStreamed;
    }

    /** The text a direct stream delivers before its end. */
    String streamedText(WireFormat format) {
        return piecesStreamed == 0 ? "" : format.textOf(format.textEndsAfter[piecesStreamed - 1]);
    }

    /** Plays the fault on one connection. */
    void serve(Connection connection, WireFormat format, boolean stream) throws Exception {
        if (connection.readRequest() == null) {
            return;
        }
        String answer = stream ? null : format.completion;
        int textEvents = piecesStreamed == 0 ? 0 : format.textEndsAfter[piecesStreamed - 1];
        switch (this) {
            case REFUSED -> throw new AssertionError("a refused connection reaches no server");
            case RESET_BEFORE_HEADERS -> connection.reset();
            case RESET_AFTER_HEADERS -> {
                head(connection, stream, answer);
                connection.reset();
            }
            case RESET_MID_BODY -> {
                head(connection, stream, answer);
                if (stream) {
                    connection.writeChunk(format.firstEvents(textEvents));
                } else {
                    connection.write(answer.substring(0, answer.length() / 2));
                }
                connection.reset();
            }
            case EMPTY_RESPONSE -> connection.close();
            case GARBAGE_THEN_CLOSE -> {
                byte[] garbage = new byte[512];
                new Random(42).nextBytes(garbage);
                connection.write(garbage);
                connection.close();
            }
            case MALFORMED_JSON -> {
                if (stream) {
                    String broken = format == WireFormat.OPENAI ? "data: {\"id\":\"c1\",\"choices\":[{\"index\"::}\n\n"
                            : "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\"\n\n";
                    head(connection, true, null);
                    connection.writeChunk(broken);
                    endChunksUnlessGone(connection);
                } else {
                    complete(connection, 200, "application/json", "{\"id\":\"c1\",\"choices\":[{\"index\":0,}]}", "");
                }
            }
            case HTML_200 -> complete(connection, 200, "text/html",
                    "<html><body><h1>502 Bad Gateway</h1></body></html>", "");
            case HUGE_BODY -> {
                head(connection, stream, null);
                connection.writeChunk(stream ? "data: {\"id\":\"" : "{\"id\":\"");
                byte[] filler = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                String chunk = new String(filler, StandardCharsets.US_ASCII);
                // Until the client gives up, or far past any limit the matrix sets.
                for (int i = 0; i < 1_000; i++) {
                    try {
                        connection.writeChunk(chunk);
                    } catch (IOException clientClosed) {
                        return;
                    }
                }
            }
            case STALL_AFTER_HEADERS -> {
                head(connection, stream, answer);
                connection.awaitClientClose(CLIENT_CLOSE_WAIT_MILLIS);
            }
            case STALL_AFTER_ONE_EVENT -> {
                head(connection, stream, answer);
                connection.write(bodyPart(format, stream, textEvents, answer));
                connection.awaitClientClose(CLIENT_CLOSE_WAIT_MILLIS);
            }
            case STALL_BETWEEN_DATA_LINES -> {
                head(connection, stream, answer);
                if (stream) {
                    // The next event's first lines, without the blank line that would end it.
                    String next = format.events.get(textEvents);
                    connection.writeChunk(format.firstEvents(textEvents) + next.substring(0, next.indexOf('\n') + 1));
                } else {
                    connection.write(answer.substring(0, 10));
                }
                connection.awaitClientClose(CLIENT_CLOSE_WAIT_MILLIS);
            }
            case SLOW_DRIP -> {
                String body = stream ? String.join("", format.events) : answer;
                head(connection, stream, answer);
                int fast = body.length() - DRIPPED_BYTES;
                writeBody(connection, stream, body.substring(0, fast));
                for (int i = fast; i < body.length(); i++) {
                    Thread.sleep(DRIP_MILLIS);
                    writeBody(connection, stream, body.substring(i, i + 1));
                }
                if (stream) {
                    endChunksUnlessGone(connection);
                }
                connection.awaitClientClose(CLIENT_CLOSE_WAIT_MILLIS);
            }
            case NEVER_ENDS_SILENT -> {
                if (stream) {
                    head(connection, true, null);
                    connection.writeChunk(format.firstEvents(textEvents));
                } else {
                    // A length that promises more than the body holds.
                    connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                            + (answer.length() + 100) + "\r\nConnection: close\r\n\r\n" + answer);
                }
                connection.awaitClientClose(CLIENT_CLOSE_WAIT_MILLIS);
            }
            case NEVER_ENDS_PINGING -> {
                head(connection, stream, null);
                connection.writeChunk(stream ? format.firstEvents(textEvents) : "{\"id\":\"c1\",");
                for (int i = 0; i < CLIENT_CLOSE_WAIT_MILLIS / 100; i++) {
                    Thread.sleep(100);
                    try {
                        connection.writeChunk(stream ? ": ping\n\n" : " ");
                    } catch (IOException clientClosed) {
                        return;
                    }
                }
            }
            case IN_STREAM_ERROR -> {
                if (stream) {
                    head(connection, true, null);
                    connection.writeChunk(format.firstEvents(textEvents) + format.errorEvent);
                    endChunksUnlessGone(connection);
                    connection.awaitClientClose(CLIENT_CLOSE_WAIT_MILLIS);
                } else {
                    complete(connection, 500, "application/json", format.errorEnvelope, "");
                }
            }
            case ERROR_ENVELOPE_200 -> complete(connection, 200, "application/json", format.errorEnvelope, "");
            case RETRY_AFTER_BOGUS -> complete(connection, 429, "application/json", RATE_LIMITED,
                    "Retry-After: soon-ish\r\n");
            case RETRY_AFTER_NEGATIVE -> complete(connection, 429, "application/json", RATE_LIMITED,
                    "Retry-After: -5\r\n");
            case RETRY_AFTER_HUGE -> complete(connection, 429, "application/json", RATE_LIMITED,
                    "Retry-After: 99999999\r\n");
        }
    }

    /**
     * The head of a 200: JSON with the answer's full length when {@code answer} is given, else a
     * chunked body, an event stream or JSON.
     */
    private static void head(Connection connection, boolean stream, String answer) throws IOException {
        connection.write(answer == null
                ? "HTTP/1.1 200 OK\r\nContent-Type: " + (stream ? "text/event-stream" : "application/json")
                        + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                        + answer.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n");
    }

    private static String bodyPart(WireFormat format, boolean stream, int events, String answer) {
        if (!stream) {
            return answer.substring(0, answer.length() / 3);
        }
        String part = format.firstEvents(events);
        return Integer.toHexString(part.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + part + "\r\n";
    }

    private static void writeBody(Connection connection, boolean stream, String text) throws IOException {
        if (stream) {
            connection.writeChunk(text);
        } else {
            connection.write(text);
        }
    }

    /** Ends a chunked body; the client may already have hung up on what it read, which is its right. */
    private static void endChunksUnlessGone(Connection connection) {
        try {
            connection.endChunks();
        } catch (IOException clientGone) {
            // Nothing left to send to.
        }
    }

    /** A whole response that ends the connection. */
    private static void complete(Connection connection, int status, String type, String body, String headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        connection.write("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length
                + "\r\n" + headers + "Connection: close\r\n\r\n" + body);
        connection.close();
    }
}
