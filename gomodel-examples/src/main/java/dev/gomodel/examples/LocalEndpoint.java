package dev.gomodel.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatCompletionChunk.ChunkChoice;
import dev.gomodel.chat.ChatCompletionChunk.Delta;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.Choice;
import dev.gomodel.chat.Message;
import dev.gomodel.chat.Usage;
import dev.gomodel.json.ChatJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small OpenAI-compatible chat-completions endpoint on 127.0.0.1, so the examples run with no
 * API key. It answers every request with a fixed, friendly sentence that quotes the last user
 * message, streamed word by word when the request asks for a stream, with usage at the end.
 *
 * <p>It speaks the same wire format as OpenAI, so the client talks to it through the real HTTP
 * provider, exactly as it would talk to OpenAI. Thread-safe; close it when done.
 */
public final class LocalEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "local-endpoint");
        thread.setDaemon(true);
        return thread;
    });
    private final long wordDelayMillis;
    private final int failWithStatus;

    private LocalEndpoint(long wordDelayMillis, int failWithStatus) throws IOException {
        this.wordDelayMillis = wordDelayMillis;
        this.failWithStatus = failWithStatus;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts an endpoint on a free loopback port.
     *
     * @param wordDelayMillis the pause between streamed words, so a reader sees text arrive
     */
    public static LocalEndpoint start(long wordDelayMillis) throws IOException {
        return new LocalEndpoint(wordDelayMillis, 0);
    }

    /** Starts an endpoint that answers every request with HTTP {@code status}, as an upstream in trouble does. */
    public static LocalEndpoint failing(int status) throws IOException {
        return new LocalEndpoint(0, status);
    }

    /** The base URL to give a provider, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The answer the endpoint gives to {@code userMessage}. */
    public static String answerTo(String userMessage) {
        return "Hello from the local gomodel endpoint! You said: \"" + userMessage + "\".";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                sendJson(exchange, 405, "{\"error\":{\"message\":\"use POST\",\"type\":\"invalid_request_error\"}}");
                return;
            }
            if (failWithStatus != 0) {
                exchange.getRequestBody().readAllBytes();
                sendJson(exchange, failWithStatus, "{\"error\":{\"message\":\"this endpoint fails on purpose\","
                        + "\"type\":\"server_error\"}}");
                return;
            }
            ChatRequest request;
            try {
                request = ChatJson.readRequest(exchange.getRequestBody().readAllBytes());
            } catch (IllegalArgumentException e) {
                sendJson(exchange, 400, "{\"error\":{\"message\":" + dev.gomodel.chat.JsonValue.of(e.getMessage())
                        + ",\"type\":\"invalid_request_error\"}}");
                return;
            }
            String answer = answerTo(lastUserText(request));
            Usage usage = Usage.of(countWords(request), countWords(answer));
            if (Boolean.TRUE.equals(request.stream())) {
                stream(exchange, request.model(), answer, usage);
            } else {
                ChatCompletion completion = new ChatCompletion("chatcmpl-local", ChatCompletion.OBJECT,
                        System.currentTimeMillis() / 1000, request.model(), null, null,
                        List.of(new Choice(0, Message.assistant(answer), Choice.STOP, null, Map.of())), usage, Map.of());
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                byte[] body = ChatJson.writeCompletion(completion);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        }
    }

    private void stream(HttpExchange exchange, String model, String answer, Usage usage) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        long created = System.currentTimeMillis() / 1000;
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        chunks.add(chunk(model, created, new Delta(Message.ASSISTANT, "", null, null, Map.of()), null, null));
        String[] words = answer.split(" ");
        for (int i = 0; i < words.length; i++) {
            String piece = i == 0 ? words[i] : " " + words[i];
            chunks.add(chunk(model, created, new Delta(null, piece, null, null, Map.of()), null, null));
        }
        chunks.add(chunk(model, created, new Delta(null, null, null, null, Map.of()), Choice.STOP, null));
        chunks.add(new ChatCompletionChunk("chatcmpl-local", ChatCompletionChunk.OBJECT, created, model, null, null,
                List.of(), usage, Map.of()));
        for (ChatCompletionChunk chunk : chunks) {
            out.write("data: ".getBytes(StandardCharsets.UTF_8));
            out.write(ChatJson.writeChunk(chunk));
            out.write("\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            pause();
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static ChatCompletionChunk chunk(String model, long created, Delta delta, String finishReason, Usage usage) {
        return new ChatCompletionChunk("chatcmpl-local", ChatCompletionChunk.OBJECT, created, model, null, null,
                List.of(new ChunkChoice(0, delta, finishReason, null, Map.of())), usage, Map.of());
    }

    private void pause() {
        if (wordDelayMillis > 0) {
            try {
                Thread.sleep(wordDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String lastUserText(ChatRequest request) {
        for (int i = request.messages().size() - 1; i >= 0; i--) {
            Message message = request.messages().get(i);
            if (Message.USER.equals(message.role()) && message.text() != null) {
                return message.text();
            }
        }
        return "";
    }

    private static int countWords(ChatRequest request) {
        int words = 0;
        for (Message message : request.messages()) {
            words += message.text() == null ? 0 : countWords(message.text());
        }
        return words;
    }

    private static int countWords(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
