package dev.gomodel.bench.stub;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stub's answers, serialized once at start-up as the complete bytes of an HTTP/1.1
 * response, status line to last byte, shaped like OpenAI's: a non-streamed chat completion
 * (pretty-printed, as OpenAI sends it) and a long stream (one role chunk, {@link #STREAM_CHUNKS}
 * content chunks, a finishing chunk, a usage chunk with no choices, {@code [DONE]}), each SSE
 * event in its own HTTP chunk as a server that flushes per event sends it.
 *
 * <p>Immutable and thread-safe; the byte arrays must not be modified.
 */
final class Answers {

    /** Content chunks in the stream, each with a non-empty content delta. */
    static final int STREAM_CHUNKS = 2_000;

    private static final String ID = "chatcmpl-BqStub7cW0nW4pXk9yTgHhJd2LmQa";
    private static final long CREATED = 1_741_569_952L;
    private static final String MODEL = "gpt-4o-mini-2024-07-18";
    private static final String FINGERPRINT = "fp_06737a9306";

    /** About 220 tokens of answer, with paragraphs and a few characters outside ASCII. */
    private static final String TEXT = "Connection pooling keeps a small set of open TCP connections to an upstream "
            + "and hands them out to requests as they come, so that most calls skip the handshake entirely. "
            + "For an HTTP/1.1 client this matters more than it first seems: a fresh connection costs a round trip "
            + "for TCP, two more for TLS, and a slow-start window that is tiny compared with a streamed answer.\n\n"
            + "A few habits keep a pool healthy:\n\n"
            + "1. Read every response body to its end, even when you only need the status; otherwise the "
            + "connection cannot go back to the pool.\n"
            + "2. Bound the idle time below the server’s own keep-alive timeout, so the client never writes to "
            + "a socket the server has just closed.\n"
            + "3. Size the pool for the concurrency you really have — not for the peak you fear — and watch "
            + "the wait time for a free connection.\n\n"
            + "Measured on a loopback server, reuse cuts the median latency of a small request by a factor of "
            + "three or more; across regions the gain is larger still. The café on the corner knows the same "
            + "trick: regulars skip the queue because their order is already known.";

    private static final String COMMON_HEADERS = "access-control-expose-headers: X-Request-ID\r\n"
                + "openai-organization: user-bench\r\n"
                + "openai-processing-ms: 412\r\n"
                + "openai-version: 2020-10-01\r\n"
                + "x-ratelimit-limit-requests: 30000\r\n"
                + "x-ratelimit-limit-tokens: 150000000\r\n"
                + "x-ratelimit-remaining-requests: 29999\r\n"
                + "x-ratelimit-remaining-tokens: 149999979\r\n"
                + "x-ratelimit-reset-requests: 2ms\r\n"
                + "x-ratelimit-reset-tokens: 0s\r\n"
                + "x-request-id: req_5f0c2b8e6d9a4c1f8e7b3a2d1c0f9e8d\r\n"
                + "strict-transport-security: max-age=31536000; includeSubDomains; preload\r\n"
                + "cf-cache-status: DYNAMIC\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + "Server: cloudflare\r\n"
                + "alt-svc: h3=\":443\"; ma=86400\r\n";

    private static final String CREATE_HEAD_FORMAT = "HTTP/1.1 200 OK\r\n"
            + "Date: Mon, 10 Mar 2025 01:25:52 GMT\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: %d\r\n"
            + "Connection: keep-alive\r\n"
            + COMMON_HEADERS
            + "\r\n";

    private static final String STREAM_HEAD = "HTTP/1.1 200 OK\r\n"
            + "Date: Mon, 10 Mar 2025 01:25:52 GMT\r\n"
            + "Content-Type: text/event-stream; charset=utf-8\r\n"
            + "Transfer-Encoding: chunked\r\n"
            + "Connection: keep-alive\r\n"
            + COMMON_HEADERS
            + "\r\n";

    final byte[] create;
    final byte[] stream;
    /** The length in UTF-16 units of the completion's content. */
    final int createChars;
    /** The summed length in UTF-16 units of the stream's content deltas. */
    final int streamChars;

    private Answers(byte[] create, byte[] stream, int createChars, int streamChars) {
        this.create = create;
        this.stream = stream;
        this.createChars = createChars;
        this.streamChars = streamChars;
    }

    static Answers build() {
        byte[] body = completionBody().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream create = new ByteArrayOutputStream(body.length + 1024);
        create.writeBytes(String.format(CREATE_HEAD_FORMAT, body.length).getBytes(StandardCharsets.ISO_8859_1));
        create.writeBytes(body);

        List<String> tokens = tokens(STREAM_CHUNKS);
        int streamChars = 0;
        ByteArrayOutputStream stream = new ByteArrayOutputStream(512 * 1024);
        stream.writeBytes(STREAM_HEAD.getBytes(StandardCharsets.ISO_8859_1));
        writeEvent(stream, chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null"));
        for (String token : tokens) {
            streamChars += token.length();
            writeEvent(stream, chunk("{\"content\":" + quote(token) + "}", "null"));
        }
        writeEvent(stream, chunk("{}", "\"stop\""));
        writeEvent(stream, "{\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"created\":" + CREATED
                + ",\"model\":\"" + MODEL + "\",\"service_tier\":\"default\",\"system_fingerprint\":\"" + FINGERPRINT
                + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":" + (STREAM_CHUNKS + 1)
                + ",\"total_tokens\":" + (STREAM_CHUNKS + 20) + ",\"prompt_tokens_details\":{\"cached_tokens\":0,"
                + "\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
                + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}");
        writeEvent(stream, "[DONE]");
        stream.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return new Answers(create.toByteArray(), stream.toByteArray(), TEXT.length(), streamChars);
    }


    private static String completionBody() {
        return "{\n"
                + "  \"id\": \"" + ID + "\",\n"
                + "  \"object\": \"chat.completion\",\n"
                + "  \"created\": " + CREATED + ",\n"
                + "  \"model\": \"" + MODEL + "\",\n"
                + "  \"choices\": [\n"
                + "    {\n"
                + "      \"index\": 0,\n"
                + "      \"message\": {\n"
                + "        \"role\": \"assistant\",\n"
                + "        \"content\": " + quote(TEXT) + ",\n"
                + "        \"refusal\": null,\n"
                + "        \"annotations\": []\n"
                + "      },\n"
                + "      \"logprobs\": null,\n"
                + "      \"finish_reason\": \"stop\"\n"
                + "    }\n"
                + "  ],\n"
                + "  \"usage\": {\n"
                + "    \"prompt_tokens\": 19,\n"
                + "    \"completion_tokens\": 214,\n"
                + "    \"total_tokens\": 233,\n"
                + "    \"prompt_tokens_details\": {\n"
                + "      \"cached_tokens\": 0,\n"
                + "      \"audio_tokens\": 0\n"
                + "    },\n"
                + "    \"completion_tokens_details\": {\n"
                + "      \"reasoning_tokens\": 0,\n"
                + "      \"audio_tokens\": 0,\n"
                + "      \"accepted_prediction_tokens\": 0,\n"
                + "      \"rejected_prediction_tokens\": 0\n"
                + "    }\n"
                + "  },\n"
                + "  \"service_tier\": \"default\",\n"
                + "  \"system_fingerprint\": \"" + FINGERPRINT + "\"\n"
                + "}\n";
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"created\":" + CREATED + ",\"model\":\""
                + MODEL + "\",\"service_tier\":\"default\",\"system_fingerprint\":\"" + FINGERPRINT
                + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + finishReason + "}]}";
    }

    /** {@code count} tokens cut from the answer text, cycling through it: words with their leading space, and line breaks. */
    private static List<String> tokens(int count) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= TEXT.length(); i++) {
            if (i == TEXT.length() || TEXT.charAt(i) == ' ' || TEXT.charAt(i) == '\n'
                    || TEXT.charAt(i - 1) == '\n' && TEXT.charAt(i) != '\n') {
                words.add(TEXT.substring(start, i));
                start = i;
            }
        }
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; tokens.size() < count; i++) {
            tokens.add(words.get(i % words.size()));
        }
        return tokens;
    }

    /** One SSE event, {@code data: <json>} and a blank line, as one HTTP chunk. */
    private static void writeEvent(ByteArrayOutputStream out, String data) {
        byte[] event = ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        out.writeBytes((Integer.toHexString(event.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(event);
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
