package dev.gomodel.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.error.ConnectionException;
import dev.gomodel.error.GoModelException;
import dev.gomodel.testing.RecordingPublisher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class BlockingChunkStreamTest {

    private final BlockingChunkStream stream = new BlockingChunkStream();

    private static List<String> texts(Iterable<ChatCompletionChunk> chunks) {
        List<String> texts = new ArrayList<>();
        for (ChatCompletionChunk chunk : chunks) {
            texts.add(chunk.text());
        }
        return texts;
    }

    @Test
    void iteratesEveryChunkThenEnds() {
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.of(Chunks.numbered(40));
        publisher.subscribe(stream);

        Iterator<ChatCompletionChunk> iterator = stream.iterator();
        List<String> texts = new ArrayList<>();
        while (iterator.hasNext()) {
            texts.add(iterator.next().text());
        }

        assertThat(texts).hasSize(40).startsWith("0", "1", "2").endsWith("38", "39");
        assertThat(iterator.hasNext()).isFalse();
        assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
        assertThat(publisher.cancels()).isZero();
    }

    @Test
    void completionIsTheAccumulatedResultOfTheConsumedChunks() {
        RecordingPublisher.of(Chunks.numbered(5)).subscribe(stream);

        Iterator<ChatCompletionChunk> iterator = stream.iterator();
        iterator.next();
        iterator.next();
        assertThat(stream.completion().text()).isEqualTo("01");
        while (iterator.hasNext()) {
            iterator.next();
        }

        assertThat(stream.completion().text()).isEqualTo("01234");
        assertThat(stream.completion().id()).isEqualTo("chatcmpl-1");
    }

    @Test
    void streamErrorIsThrownFromHasNextAfterTheChunksThatArrived() {
        ConnectionException failure = new ConnectionException("connection reset", "openai", null);
        RecordingPublisher.failing(failure, Chunks.numbered(3)).subscribe(stream);
        Iterator<ChatCompletionChunk> iterator = stream.iterator();

        List<String> texts = new ArrayList<>();
        assertThatThrownBy(() -> {
            while (iterator.hasNext()) {
                texts.add(iterator.next().text());
            }
        }).isSameAs(failure);

        assertThat(texts).containsExactly("0", "1", "2");
        assertThatThrownBy(iterator::hasNext).isSameAs(failure);
        assertThat(stream.completion().text()).isEqualTo("012");
    }

    @Test
    void checkedStreamErrorIsThrownAsGoModelException() {
        IOException failure = new IOException("broken pipe");
        RecordingPublisher.failing(failure, List.<ChatCompletionChunk>of()).subscribe(stream);

        assertThatThrownBy(() -> stream.iterator().hasNext())
                .isExactlyInstanceOf(GoModelException.class)
                .hasMessageContaining("broken pipe")
                .cause().isSameAs(failure);
    }

    @Test
    void closeBeforeTheEndCancelsTheSubscriptionOnce() {
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.hanging(Chunks.numbered(3));
        publisher.subscribe(stream);
        Iterator<ChatCompletionChunk> iterator = stream.iterator();
        assertThat(iterator.next().text()).isEqualTo("0");

        stream.close();
        stream.close();

        assertThat(publisher.cancels()).isEqualTo(1);
    }

    @Test
    void hasNextReturnsFalseOnceClosedAndDrained() {
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.hanging(List.of());
        publisher.subscribe(stream);
        Iterator<ChatCompletionChunk> iterator = stream.iterator();

        stream.close();

        assertThat(iterator.hasNext()).isFalse();
        assertThat(publisher.cancels()).isEqualTo(1);
    }

    @Test
    void tryWithResourcesLeavingTheLoopEarlyCancels() {
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.of(Chunks.numbered(100));
        List<String> texts = new ArrayList<>();

        try (BlockingChunkStream chunks = stream) {
            publisher.subscribe(chunks);
            for (ChatCompletionChunk chunk : chunks) {
                texts.add(chunk.text());
                if (texts.size() == 3) {
                    break;
                }
            }
        }

        assertThat(texts).containsExactly("0", "1", "2");
        assertThat(publisher.cancels()).isEqualTo(1);
    }

    @Test
    void closeAfterTheStreamEndedDoesNotCancel() {
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.of(Chunks.numbered(2));
        publisher.subscribe(stream);
        texts(stream);

        stream.close();

        assertThat(publisher.cancels()).isZero();
    }

    @Test
    void closeBeforeSubscribeCancelsOnSubscribeWithoutRequesting() {
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.of(Chunks.numbered(2));

        stream.close();
        publisher.subscribe(stream);

        assertThat(publisher.cancels()).isEqualTo(1);
        assertThat(publisher.requests()).isEmpty();
        assertThat(stream.iterator().hasNext()).isFalse();
    }

    @Test
    void secondIteratorCallThrows() {
        RecordingPublisher.of(Chunks.numbered(1)).subscribe(stream);
        stream.iterator();

        assertThatThrownBy(stream::iterator)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only once");
    }

    @Test
    void demandStaysWithinTheWindowOfWhatWasConsumed() {
        int total = 100;
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.of(Chunks.numbered(total));
        publisher.subscribe(stream);
        Iterator<ChatCompletionChunk> iterator = stream.iterator();

        assertThat(publisher.totalRequested()).isEqualTo(BlockingChunkStream.WINDOW);
        int consumed = 0;
        while (iterator.hasNext()) {
            assertThat(iterator.next().text()).isEqualTo(Integer.toString(consumed));
            consumed++;
            assertThat(publisher.totalRequested() - consumed)
                    .as("requested ahead after consuming %d", consumed)
                    .isLessThanOrEqualTo(BlockingChunkStream.WINDOW)
                    .isPositive();
            assertThat(publisher.emitted() - consumed).isLessThanOrEqualTo(BlockingChunkStream.WINDOW);
        }

        assertThat(consumed).isEqualTo(total);
        assertThat(publisher.requests()).allMatch(n -> n > 0 && n <= BlockingChunkStream.WINDOW);
        assertThat(publisher.totalRequested()).isLessThanOrEqualTo(total + BlockingChunkStream.WINDOW);
    }

    @Test
    void readsWhatAnAsynchronousPublisherSubmitsOnAnotherThread() throws Exception {
        int total = 500;
        ExecutorService executor = Executors.newFixedThreadPool(2);
        SubmissionPublisher<ChatCompletionChunk> publisher = new SubmissionPublisher<>(executor, 4);
        try {
            publisher.subscribe(stream);
            Future<?> producer = executor.submit(() -> {
                Chunks.numbered(total).forEach(publisher::submit);
                publisher.close();
            });

            List<String> texts = texts(stream);

            producer.get(5, TimeUnit.SECONDS);
            assertThat(texts).hasSize(total);
            for (int i = 0; i < total; i++) {
                assertThat(texts.get(i)).isEqualTo(Integer.toString(i));
            }
            assertThat(stream.completion().choices()).hasSize(1);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void readerBlockedInHasNextWakesUpWhenAnotherThreadSignals() throws Exception {
        RecordingPublisher<ChatCompletionChunk> publisher = RecordingPublisher.hanging(List.of());
        publisher.subscribe(stream);
        Thread signaller = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            publisher.subscriber().onNext(Chunks.text("late"));
            publisher.subscriber().onComplete();
        });
        signaller.start();

        assertThat(texts(stream)).containsExactly("late");
        signaller.join(5000);
    }
}
