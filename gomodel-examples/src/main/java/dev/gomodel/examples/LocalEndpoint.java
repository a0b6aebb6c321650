package dev.gomodel.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small chat endpoint on 127.0.0.1, so the examples run with no API key. It speaks a real
 * provider's wire format (OpenAI's chat completions or Anthropic's messages), so the client
 * talks to it through the real HTTP provider exactly as it would talk to the provider itself.
 * It answers every request with a fixed, friendly sentence that quotes the last user message,
 * streamed word by word when the request asks for a stream, with usage at the end.
 *
 * <p>Thread-safe; close it when done.
 */
public final class LocalEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "local-endpoint");
        thread.setDaemon(true);
        return thread;
    });
    private final WireFormat format;
    private final long wordDelayMillis;
    private final int failWithStatus;

    private LocalEndpoint(WireFormat format, long wordDelayMillis, int failWithStatus) throws IOException {
        this.format = format;
        this.wordDelayMillis = wordDelayMillis;
        this.failWithStatus = failWithStatus;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(format.path(), this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts an OpenAI-compatible endpoint ({@code POST /v1/chat/completions}) on a free port.
     *
     * @param wordDelayMillis the pause between streamed words, so a reader sees text arrive
     */
    public static LocalEndpoint openAi(long wordDelayMillis) throws IOException {
        return new LocalEndpoint(new OpenAiFormat(), wordDelayMillis, 0);
    }

    /**
     * Starts an endpoint speaking Anthropic's Messages API ({@code POST /v1/messages}) on a free port.
     *
     * @param wordDelayMillis the pause between streamed words
     */
    public static LocalEndpoint anthropic(long wordDelayMillis) throws IOException {
        return new LocalEndpoint(new AnthropicFormat(), wordDelayMillis, 0);
    }

    /** Starts an OpenAI-compatible endpoint that answers every request with HTTP {@code status}, as an upstream in trouble does. */
    public static LocalEndpoint failing(int status) throws IOException {
        return new LocalEndpoint(new OpenAiFormat(), 0, status);
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
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, format.error("use POST"));
                return;
            }
            if (failWithStatus != 0) {
                send(exchange, failWithStatus, format.error("this endpoint fails on purpose"));
                return;
            }
            Conversation conversation;
            try {
                conversation = format.read(body);
            } catch (IllegalArgumentException e) {
                send(exchange, 400, format.error(e.getMessage()));
                return;
            }
            String answer = answerTo(conversation.lastUserText());
            String[] words = answer.split(" ");
            if (conversation.stream()) {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                format.stream(conversation, words, event -> {
                    out.write(event.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    pause();
                });
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                byte[] json = format.answer(conversation, answer, words.length).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, json.length);
                exchange.getResponseBody().write(json);
            }
        }
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

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
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

    /** What the endpoint needs to know of a request. */
    record Conversation(String model, String lastUserText, int promptWords, boolean stream) {
    }

    /** Writes one server-sent event. */
    @FunctionalInterface
    interface EventWriter {
        void write(String event) throws IOException;
    }

    /** One provider's wire format: where requests go, how they read and how answers are written. */
    interface WireFormat {
        String path();

        Conversation read(byte[] body);

        String answer(Conversation conversation, String answer, int completionWords);

        void stream(Conversation conversation, String[] words, EventWriter events) throws IOException;

        String error(String message);
    }

    static int countWords(String text) {
        return text == null || text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
