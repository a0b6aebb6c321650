package dev.gomodel.routing;

import dev.gomodel.Provider;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.Choice;
import dev.gomodel.chat.Message;
import dev.gomodel.testing.RecordingPublisher;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/** A provider that records the requests it gets and answers each with a fixed completion or chunks. */
final class FakeProvider implements Provider {

    private final String name;
    private final String type;
    private final Set<String> models;
    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger closes = new AtomicInteger();
    String answerProvider;
    List<ChatCompletionChunk> chunks = List.of();
    /** Whether a stream, after its chunks, signals nothing (a silent upstream). */
    boolean hang;
    /** The publisher of the last {@code stream} call, to read the demand it got. */
    volatile RecordingPublisher<ChatCompletionChunk> lastStream;
    RuntimeException closeFailure;

    FakeProvider(String name, String type, String... models) {
        this.name = name;
        this.type = type;
        this.models = Set.of(models);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Set<String> models() {
        return models;
    }

    @Override
    public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
        requests.add(request);
        return CompletableFuture.completedFuture(new ChatCompletion("id-" + name, ChatCompletion.OBJECT, 1L,
                request.model(), answerProvider, null,
                List.of(new Choice(0, Message.assistant("from " + name), Choice.STOP, null, Map.of())), null,
                Map.of()));
    }

    @Override
    public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
        requests.add(request);
        lastStream = hang ? RecordingPublisher.hanging(chunks) : RecordingPublisher.of(chunks);
        return lastStream;
    }

    @Override
    public void close() {
        closes.incrementAndGet();
        if (closeFailure != null) {
            throw closeFailure;
        }
    }

    /** The one request this provider got. */
    ChatRequest onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError(name + " got " + requests.size() + " requests, expected 1");
        }
        return requests.get(0);
    }
}
