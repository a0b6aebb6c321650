package dev.gomodel.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.StreamOptions;
import dev.gomodel.chat.Tool;
import dev.gomodel.chat.ToolChoice;
import dev.gomodel.error.GoModelException;
import dev.gomodel.error.NoRouteException;
import dev.gomodel.error.RequestTimeoutException;
import dev.gomodel.error.StreamInterruptedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final FakeProvider openai = new FakeProvider("openai", "openai");
    private final FakeProvider work = new FakeProvider("work", "openai", "gpt-4o-work");
    private final FakeProvider together = new FakeProvider("together", "together");

    private static ChatRequest request(String model, String provider) {
        return ChatRequest.builder().model(model).provider(provider).user("Hi").build();
    }

    private static ChatCompletionChunk chunk(String provider, String text) {
        return new ChatCompletionChunk("c", ChatCompletionChunk.OBJECT, 1L, "m", provider, null,
                List.of(new ChatCompletionChunk.ChunkChoice(0,
                        new ChatCompletionChunk.Delta(null, text, null, null, Map.of()), null, null, Map.of())),
                null, Map.of());
    }

    /** Collects a stream's signals; the fake providers' publishers signal synchronously. */
    private static final class Collector implements Flow.Subscriber<ChatCompletionChunk> {
        final List<ChatCompletionChunk> chunks = new ArrayList<>();
        Throwable error;
        boolean completed;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ChatCompletionChunk item) {
            chunks.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }

    @Test
    void explicitProviderIsAuthoritativeAndStripsItsPrefixOnce() {
        Router router = Router.builder().provider(work).provider(openai).build();

        router.create(request("openai/openai/x", "openai"));

        ChatRequest upstream = openai.onlyRequest();
        assertThat(upstream.model()).isEqualTo("openai/x");
        assertThat(upstream.provider()).isNull();
        assertThat(work.requests).isEmpty();
    }

    @Test
    void prefixNamingAProviderSplits() {
        Router router = Router.builder().provider(together).provider(openai).build();

        router.create(request("openai/gpt-4o", null));

        assertThat(openai.onlyRequest().model()).isEqualTo("gpt-4o");
        assertThat(together.requests).isEmpty();
    }

    @Test
    void prefixNamingAProviderTypeSplitsAndGoesToTheProviderOfThatType() {
        Router router = Router.builder().provider(together).provider(work).build();

        ChatCompletion completion = router.create(request("openai/gpt-4o", null));

        assertThat(work.onlyRequest().model()).isEqualTo("gpt-4o");
        assertThat(completion.provider()).isEqualTo("work");
    }

    @Test
    void prefixNamingNoProviderStaysPartOfTheModel() {
        Router router = Router.builder().provider(together).build();

        router.create(request("meta-llama/Llama-3.3-70B", null));

        assertThat(together.onlyRequest().model()).isEqualTo("meta-llama/Llama-3.3-70B");
    }

    @Test
    void providerListingTheModelWinsOverOneListingNone() {
        Router router = Router.builder().provider(openai).provider(work).build();

        router.create(request("gpt-4o-work", null));
        router.create(request("gpt-4o", null));

        assertThat(work.onlyRequest().model()).isEqualTo("gpt-4o-work");
        assertThat(openai.onlyRequest().model()).isEqualTo("gpt-4o");
    }

    @Test
    void unknownProviderHintFailsBeforeAnyCallListingConfiguredProviders() {
        Router router = Router.builder().provider(openai).provider(work).build();

        assertThatThrownBy(() -> router.create(request("gpt-4o", "mistral")))
                .isInstanceOf(NoRouteException.class)
                .hasMessageContaining("\"mistral\"")
                .hasMessageContaining("openai (openai: any model)")
                .hasMessageContaining("work (openai: gpt-4o-work)");
        assertThat(openai.requests).isEmpty();
        assertThat(work.requests).isEmpty();
    }

    @Test
    void unroutableCreateAsyncFailsTheFutureInsteadOfThrowing() {
        Router router = Router.builder().provider(work).build();

        CompletableFuture<ChatCompletion> future = router.createAsync(request("gpt-4o", "mistral"));

        assertThat(future).isCompletedExceptionally();
        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(NoRouteException.class);
    }

    @Test
    void unroutableStreamSignalsNoRouteException() {
        Router router = Router.builder().provider(work).build();
        Collector collector = new Collector();

        router.stream(request("gpt-4o", "mistral")).subscribe(collector);

        assertThat(collector.error).isInstanceOf(NoRouteException.class);
        assertThat(collector.chunks).isEmpty();
        assertThat(collector.completed).isFalse();
        assertThat(work.requests).isEmpty();
    }

    @Test
    void upstreamRequestHasTheBareModelAndNoProviderButKeepsEverythingElse() {
        Router router = Router.builder().provider(openai).build();
        ChatRequest request = ChatRequest.builder()
                .model("openai/gpt-4o")
                .provider("openai")
                .system("Be brief")
                .user("Hi")
                .temperature(0.3)
                .maxTokens(20)
                .streamOptions(StreamOptions.withUsage())
                .extra("seed", JsonValue.of(7))
                .build();

        router.create(request);

        assertThat(openai.onlyRequest())
                .isEqualTo(request.toBuilder().model("gpt-4o").provider(null).build());
    }

    @Test
    void anAliasedRequestKeepsEveryFieldButTheModel() {
        Router router = Router.builder().provider(openai).alias("smart", "openai/gpt-4o").build();
        ChatRequest request = ChatRequest.builder()
                .model("smart")
                .system("Be brief")
                .user("Hi")
                .temperature(0.3)
                .maxTokens(20)
                .tool(Tool.function("lookup", "Looks up", JsonValue.parse("{\"type\":\"object\"}")))
                .toolChoice(ToolChoice.REQUIRED)
                .parallelToolCalls(false)
                .stream(true)
                .streamOptions(StreamOptions.withUsage())
                .reasoningEffort("low")
                .extra("seed", JsonValue.of(7))
                .build();

        router.create(request);

        assertThat(openai.onlyRequest()).isEqualTo(request.toBuilder().model("gpt-4o").build());
    }

    @Test
    void requestThatNeedsNoRewriteIsPassedAsIs() {
        Router router = Router.builder().provider(openai).build();
        ChatRequest request = request("gpt-4o", null);

        router.create(request);

        assertThat(openai.onlyRequest()).isSameAs(request);
    }

    @Test
    void responseNamesTheProviderWhenTheUpstreamDidNot() {
        Router router = Router.builder().provider(openai).build();

        ChatCompletion completion = router.create(request("gpt-4o", null));

        assertThat(completion.provider()).isEqualTo("openai");
        assertThat(completion.text()).isEqualTo("from openai");
        assertThat(completion.model()).isEqualTo("gpt-4o");
    }

    @Test
    void responseKeepsTheProviderTheUpstreamSet() {
        openai.answerProvider = "azure-eu";
        Router router = Router.builder().provider(openai).build();

        assertThat(router.create(request("gpt-4o", null)).provider()).isEqualTo("azure-eu");
    }

    @Test
    void streamNamesTheProviderOnEachChunkUnlessTheUpstreamDid() {
        openai.chunks = List.of(chunk(null, "a"), chunk("upstream", "b"), chunk(null, "c"));
        Router router = Router.builder().provider(openai).build();
        Collector collector = new Collector();

        router.stream(request("openai/gpt-4o", null)).subscribe(collector);

        assertThat(collector.chunks).extracting(ChatCompletionChunk::provider)
                .containsExactly("openai", "upstream", "openai");
        assertThat(collector.chunks).extracting(ChatCompletionChunk::text).containsExactly("a", "b", "c");
        assertThat(collector.completed).isTrue();
        assertThat(openai.onlyRequest().model()).isEqualTo("gpt-4o");
    }

    /** Requests only when told to, optionally cancelling after a given chunk. */
    private static class Manual implements Flow.Subscriber<ChatCompletionChunk> {
        final List<String> texts = new ArrayList<>();
        Flow.Subscription subscription;
        String cancelAfter;
        boolean completed;
        Throwable error;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
        }

        @Override
        public void onNext(ChatCompletionChunk item) {
            texts.add(String.valueOf(item.text()));
            if (item.text() != null && item.text().equals(cancelAfter)) {
                subscription.cancel();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }

    private static List<ChatCompletionChunk> roleThen(String... texts) {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        chunks.add(chunk(null, null));
        for (String text : texts) {
            chunks.add(chunk(null, text));
        }
        return chunks;
    }

    @Test
    void aCommittedStreamAsksTheUpstreamForTheSubscribersDemandInOneRequest() {
        openai.chunks = roleThen("a", "b", "c", "d", "e");
        Router router = Router.builder().provider(openai).build();
        Manual subscriber = new Manual();
        router.stream(request("gpt-4o", null)).subscribe(subscriber);

        subscriber.subscription.request(2);
        assertThat(subscriber.texts).containsExactly("null", "a");
        assertThat(openai.lastStream.requests()).as("one at a time until the first content").containsExactly(1L, 1L);

        subscriber.subscription.request(3);
        assertThat(subscriber.texts).containsExactly("null", "a", "b", "c", "d");
        assertThat(openai.lastStream.requests()).containsExactly(1L, 1L, 3L);
        assertThat(openai.lastStream.emitted()).as("no more than was asked for").isEqualTo(5);

        subscriber.subscription.request(Long.MAX_VALUE);
        assertThat(subscriber.texts).containsExactly("null", "a", "b", "c", "d", "e");
        assertThat(openai.lastStream.requests()).containsExactly(1L, 1L, 3L, Long.MAX_VALUE);
        assertThat(subscriber.completed).isTrue();
        assertThat(subscriber.error).isNull();
    }

    @Test
    void unboundedDemandIsOneUpstreamRequestAfterTheFirstContent() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            texts.add("t" + i);
        }
        openai.chunks = roleThen(texts.toArray(String[]::new));
        Router router = Router.builder().provider(openai).build();
        Collector collector = new Collector();

        router.stream(request("gpt-4o", null)).subscribe(collector);

        assertThat(collector.chunks).extracting(ChatCompletionChunk::text).containsSequence(texts).hasSize(101);
        assertThat(collector.completed).isTrue();
        assertThat(openai.lastStream.requests()).containsExactly(1L, 1L, Long.MAX_VALUE);
    }

    @Test
    void demandMadeInSmallStepsGetsEveryChunkInOrderAndNoMore() {
        openai.chunks = roleThen("a", "b", "c", "d", "e", "f", "g");
        Router router = Router.builder().provider(openai).build();
        Manual subscriber = new Manual();
        router.stream(request("gpt-4o", null)).subscribe(subscriber);

        for (int asked = 1; asked <= 8; asked++) {
            subscriber.subscription.request(1);
            assertThat(subscriber.texts).hasSize(asked);
            assertThat(openai.lastStream.emitted()).isLessThanOrEqualTo(Math.max(asked, 2));
        }
        assertThat(subscriber.texts).containsExactly("null", "a", "b", "c", "d", "e", "f", "g");
        assertThat(subscriber.completed).isTrue();
        assertThat(openai.lastStream.totalRequested()).isEqualTo(8);
    }

    @Test
    void aCancelInsideOnNextStopsDeliveryAndCancelsTheUpstream() {
        openai.chunks = roleThen("a", "b", "c", "d");
        Router router = Router.builder().provider(openai).build();
        Manual subscriber = new Manual();
        subscriber.cancelAfter = "b";
        router.stream(request("gpt-4o", null)).subscribe(subscriber);

        subscriber.subscription.request(3);

        assertThat(subscriber.texts).containsExactly("null", "a", "b");
        assertThat(openai.lastStream.cancels()).isEqualTo(1);
        assertThat(openai.lastStream.emitted()).as("the upstream was asked for no more than was wanted").isEqualTo(3);
        assertThat(subscriber.completed).isFalse();
        assertThat(subscriber.error).isNull();
        assertThat(router.openCalls()).isZero();
    }

    @Test
    void anUpstreamSilentPastTheIdleLimitInterruptsTheStream() throws Exception {
        openai.chunks = roleThen("a");
        openai.hang = true;
        Router router = Router.builder().provider(openai).streamIdleTimeout(Duration.ofMillis(100)).build();
        CountDownLatch ended = new CountDownLatch(1);
        Manual subscriber = new Manual() {
            @Override
            public void onError(Throwable throwable) {
                super.onError(throwable);
                ended.countDown();
            }
        };
        router.stream(request("gpt-4o", null)).subscribe(subscriber);

        subscriber.subscription.request(Long.MAX_VALUE);

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.texts).containsExactly("null", "a");
        assertThat(subscriber.error).isInstanceOf(StreamInterruptedException.class)
                .hasCauseInstanceOf(RequestTimeoutException.class);
        assertThat(((RequestTimeoutException) subscriber.error.getCause()).phase())
                .isEqualTo(RequestTimeoutException.Phase.IDLE);
        assertThat(openai.lastStream.cancels()).isEqualTo(1);
    }

    @Test
    void aSubscriberWithoutDemandIsNotTimedOutForIdling() throws Exception {
        openai.chunks = roleThen("a", "b", "c");
        Router router = Router.builder().provider(openai).streamIdleTimeout(Duration.ofMillis(50)).build();
        Manual subscriber = new Manual();
        router.stream(request("gpt-4o", null)).subscribe(subscriber);

        subscriber.subscription.request(2);
        Thread.sleep(300);
        assertThat(subscriber.error).isNull();
        subscriber.subscription.request(Long.MAX_VALUE);

        assertThat(subscriber.texts).containsExactly("null", "a", "b", "c");
        assertThat(subscriber.completed).isTrue();
        assertThat(subscriber.error).isNull();
    }

    @Test
    void streamWithHandlerAccumulatesWithTheProviderName() throws Exception {
        openai.chunks = List.of(chunk(null, "Hel"), chunk(null, "lo"));
        Router router = Router.builder().provider(openai).build();
        List<String> seen = new ArrayList<>();

        ChatCompletion completion = router.stream(request("gpt-4o", null), chunk -> seen.add(chunk.text()))
                .get(5, TimeUnit.SECONDS);

        assertThat(seen).containsExactly("Hel", "lo");
        assertThat(completion.text()).isEqualTo("Hello");
        assertThat(completion.provider()).isEqualTo("openai");
    }

    @Test
    void builderRejectsDuplicateProviderNames() {
        Router.Builder builder = Router.builder().provider(openai);

        assertThatThrownBy(() -> builder.provider(new FakeProvider("openai", "other")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two providers are named \"openai\"");
    }

    @Test
    void builderRequiresAProvider() {
        assertThatThrownBy(() -> Router.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one provider");
        assertThatThrownBy(() -> Router.builder().provider(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void providersAreListedInConfigurationOrderAndUnmodifiable() {
        Router router = Router.builder().provider(together).provider(openai).build();

        assertThat(router.providers()).containsExactly(together, openai);
        assertThatThrownBy(() -> router.providers().add(work)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void callsAfterCloseFail() {
        Router router = Router.builder().provider(openai).build();
        router.close();
        Collector collector = new Collector();

        assertThatThrownBy(() -> router.create(request("gpt-4o", null)))
                .isExactlyInstanceOf(GoModelException.class)
                .hasMessageContaining("closed");
        assertThat(router.createAsync(request("gpt-4o", null))).isCompletedExceptionally();
        router.stream(request("gpt-4o", null)).subscribe(collector);
        assertThat(collector.error).isExactlyInstanceOf(GoModelException.class);
        assertThat(openai.requests).isEmpty();
    }

    @Test
    void closeClosesEachProviderOnceEvenWhenCalledTwice() {
        Router router = Router.builder().provider(openai).provider(work).build();

        router.close();
        router.close();

        assertThat(openai.closes).hasValue(1);
        assertThat(work.closes).hasValue(1);
    }

    @Test
    void closeClosesEveryProviderAndRethrowsTheFirstFailure() {
        openai.closeFailure = new IllegalStateException("first");
        together.closeFailure = new IllegalStateException("second");
        Router router = Router.builder().provider(openai).provider(work).provider(together).build();

        assertThatThrownBy(router::close)
                .hasMessage("first")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("second"));
        assertThat(openai.closes).hasValue(1);
        assertThat(work.closes).hasValue(1);
        assertThat(together.closes).hasValue(1);
        router.close();
        assertThat(openai.closes).hasValue(1);
    }

    @Test
    void routersNest() {
        Router inner = Router.builder().provider(openai).build();
        Router outer = Router.builder().provider(new DelegatingProvider("gateway", inner)).build();

        ChatCompletion completion = outer.create(request("gateway/openai/gpt-4o", null));

        assertThat(openai.onlyRequest().model()).isEqualTo("gpt-4o");
        assertThat(completion.provider()).isEqualTo("openai");
    }

    /** Serves a provider name by delegating to a router. */
    private record DelegatingProvider(String name, Router router) implements dev.gomodel.Provider {
        @Override
        public String type() {
            return "gomodel";
        }

        @Override
        public java.util.Set<String> models() {
            return java.util.Set.of();
        }

        @Override
        public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
            return router.createAsync(request);
        }

        @Override
        public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
            return router.stream(request);
        }

        @Override
        public void close() {
            router.close();
        }
    }
}
