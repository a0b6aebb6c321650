package dev.gomodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.Choice;
import dev.gomodel.chat.Message;
import dev.gomodel.error.ConnectionException;
import dev.gomodel.error.GoModelException;
import dev.gomodel.error.NoRouteException;
import dev.gomodel.testing.RecordingPublisher;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ChatCompletionsTest {

    private static final ChatRequest REQUEST = ChatRequest.builder().model("m").user("Hi").build();

    /** A ChatCompletions whose createAsync answers with the supplied future and whose stream is the given publisher. */
    private static ChatCompletions chat(Supplier<CompletableFuture<ChatCompletion>> answer,
            Flow.Publisher<ChatCompletionChunk> stream) {
        return new ChatCompletions() {
            @Override
            public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
                return answer.get();
            }

            @Override
            public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
                return stream;
            }
        };
    }

    private static ChatCompletions failingWith(Throwable failure) {
        return chat(() -> CompletableFuture.failedFuture(failure), null);
    }

    private static ChatCompletionChunk chunk(String text) {
        return new ChatCompletionChunk("c", ChatCompletionChunk.OBJECT, 1L, "m", null, null,
                List.of(new ChatCompletionChunk.ChunkChoice(0,
                        new ChatCompletionChunk.Delta(null, text, null, null, Map.of()), null, null, Map.of())),
                null, Map.of());
    }

    @Test
    void createReturnsTheCompletion() {
        ChatCompletion done = new ChatCompletion("id", ChatCompletion.OBJECT, 1L, "m", "p", null,
                List.of(new Choice(0, Message.assistant("ok"), Choice.STOP, null, Map.of())), null, Map.of());

        assertThat(chat(() -> CompletableFuture.completedFuture(done), null).create(REQUEST)).isSameAs(done);
    }

    @Test
    void createUnwrapsCompletionExceptionToTheOriginalGoModelException() {
        ConnectionException failure = new ConnectionException("refused", "openai", null);

        assertThatThrownBy(() -> failingWith(failure).create(REQUEST)).isSameAs(failure);
    }

    @Test
    void createUnwrapsAFailureThatArrivesLaterOnAnotherThread() {
        NoRouteException failure = new NoRouteException("nowhere");
        ChatCompletions chat = chat(() -> CompletableFuture.supplyAsync(() -> {
            throw failure;
        }), null);

        assertThatThrownBy(() -> chat.create(REQUEST)).isSameAs(failure);
    }

    @Test
    void createUnwrapsNestedCompletionAndExecutionExceptions() {
        ConnectionException failure = new ConnectionException("reset", null, null);

        assertThatThrownBy(() -> failingWith(new CompletionException(new ExecutionException(failure))).create(REQUEST))
                .isSameAs(failure);
    }

    @Test
    void createWrapsACheckedFailureInGoModelException() {
        IOException failure = new IOException("disk");

        assertThatThrownBy(() -> failingWith(failure).create(REQUEST))
                .isExactlyInstanceOf(GoModelException.class)
                .hasMessageContaining("disk")
                .cause().isSameAs(failure);
    }

    @Test
    void createRethrowsErrorsAsThemselves() {
        AssertionError failure = new AssertionError("bug");

        assertThatThrownBy(() -> failingWith(failure).create(REQUEST)).isSameAs(failure);
    }

    @Test
    void streamWithHandlerFeedsTheHandlerAndCompletesWithTheAccumulation() throws Exception {
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.of(chunk("a"), chunk("b"));
        List<String> texts = new ArrayList<>();

        ChatCompletion completion = chat(null, publisher).stream(REQUEST, c -> texts.add(c.text()))
                .get(1, TimeUnit.SECONDS);

        assertThat(texts).containsExactly("a", "b");
        assertThat(completion.text()).isEqualTo("ab");
    }

    @Test
    void streamBlockingIteratesTheChunks() {
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.of(chunk("a"), chunk("b"), chunk("c"));
        List<String> texts = new ArrayList<>();

        try (ChunkStream chunks = chat(null, publisher).streamBlocking(REQUEST)) {
            for (ChatCompletionChunk chunk : chunks) {
                texts.add(chunk.text());
            }
            assertThat(chunks.completion().text()).isEqualTo("abc");
        }

        assertThat(texts).containsExactly("a", "b", "c");
        assertThat(publisher.cancels()).isZero();
    }

    @Test
    void aDeadlineStreamRejectsANullSubscriberWithoutSubscribingUpstream() {
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.of(chunk("a"));
        Flow.Publisher<ChatCompletionChunk> stream = chat(null, publisher).withDeadline(Duration.ofMinutes(1))
                .stream(REQUEST);

        assertThatThrownBy(() -> stream.subscribe(null)).isInstanceOf(NullPointerException.class);
        assertThat(publisher.subscriptions()).isZero();
    }
}
