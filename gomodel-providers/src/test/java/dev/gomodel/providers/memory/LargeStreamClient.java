package dev.gomodel.providers.memory;

import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.MalformedResponseException;
import dev.gomodel.providers.openai.OpenAiProvider;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * The client side of {@link LargeStreamTest}, run in a JVM of its own with a small heap: streams
 * the huge answer counting what passes (keeping none of it), then asks for the oversized event.
 * Prints one line per call for the test to read.
 */
public final class LargeStreamClient {

    private LargeStreamClient() {
    }

    public static void main(String[] args) throws Exception {
        try (OpenAiProvider provider = OpenAiProvider.builder().baseUrl(args[0]).build()) {
            long[] counts = new long[2];
            CompletableFuture<Void> done = new CompletableFuture<>();
            provider.stream(ChatRequest.builder().model("m").user("huge").build()).subscribe(new Flow.Subscriber<>() {
                private Flow.Subscription subscription;

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    this.subscription = subscription;
                    subscription.request(64);
                }

                @Override
                public void onNext(ChatCompletionChunk chunk) {
                    counts[0]++;
                    String content = chunk.choices().isEmpty() ? null : chunk.choices().get(0).delta().text();
                    counts[1] += content == null ? 0 : content.length();
                    if (counts[0] % 64 == 0) {
                        subscription.request(64);
                    }
                }

                @Override
                public void onError(Throwable throwable) {
                    done.completeExceptionally(throwable);
                }

                @Override
                public void onComplete() {
                    done.complete(null);
                }
            });
            done.get(5, TimeUnit.MINUTES);
            System.out.println("huge chunks=" + counts[0] + " chars=" + counts[1] + " maxHeap="
                    + Runtime.getRuntime().maxMemory());

            try {
                provider.streamBlocking(ChatRequest.builder().model("m").user("oversized").build()).forEach(chunk -> { });
                System.out.println("oversized completed");
            } catch (MalformedResponseException e) {
                System.out.println("oversized failed " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
