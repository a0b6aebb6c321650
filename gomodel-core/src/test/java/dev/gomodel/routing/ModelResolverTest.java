package dev.gomodel.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomodel.Provider;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.NoRouteException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelResolverTest {

    static ModelResolver resolver(FakeProvider... providers) {
        return resolver(Map.of(), Map.of(), providers);
    }

    static ModelResolver resolver(Map<String, List<String>> aliases, Map<String, List<String>> fallbacks,
            Provider... providers) {
        List<Target> targets = new ArrayList<>();
        for (Provider provider : providers) {
            targets.add(new Target(provider, new ProviderState(provider.name(), 1,
                    new CircuitBreaker(CircuitBreakerPolicy.ofDefaults(), System::nanoTime)), null));
        }
        return new ModelResolver(targets, aliases, fallbacks);
    }

    static Target first(Plan plan) {
        return plan.stages().get(0).pool().get(0);
    }

    static List<String> stage(Plan plan, int index) {
        return plan.stages().get(index).pool().stream().map(t -> t.name() + ":" + t.model()).toList();
    }

    private static final FakeProvider OPENAI = new FakeProvider("openai", "openai");
    private static final FakeProvider WORK = new FakeProvider("work", "anthropic");
    private static final FakeProvider GROQ = new FakeProvider("groq", "groq", "llama-3.1-8b", "mixtral");
    private static final FakeProvider LOCAL = new FakeProvider("local", "ollama");

    static Stream<Arguments> routes() {
        return Stream.of(
                // model, hint, providers, expected provider, expected bare model
                Arguments.of("openai/openai/x", "openai", List.of(OPENAI), "openai", "openai/x"),
                Arguments.of("gpt-4o", "openai", List.of(WORK, OPENAI), "openai", "gpt-4o"),
                Arguments.of("work/claude", "openai", List.of(WORK, OPENAI), "openai", "work/claude"),
                Arguments.of("claude", "anthropic", List.of(OPENAI, WORK), "work", "claude"),
                Arguments.of("anthropic/claude", "anthropic", List.of(OPENAI, WORK), "work", "claude"),
                Arguments.of("openai/gpt-4o", null, List.of(WORK, OPENAI), "openai", "gpt-4o"),
                Arguments.of("anthropic/claude-3", null, List.of(OPENAI, WORK), "work", "claude-3"),
                Arguments.of("work/claude-3", null, List.of(OPENAI, WORK), "work", "claude-3"),
                Arguments.of("openai/gpt-4o/mini", null, List.of(OPENAI), "openai", "gpt-4o/mini"),
                Arguments.of("meta-llama/Llama-3.3-70B", null, List.of(OPENAI), "openai", "meta-llama/Llama-3.3-70B"),
                Arguments.of("mixtral", null, List.of(OPENAI, GROQ), "groq", "mixtral"),
                Arguments.of("gpt-4o", null, List.of(GROQ, OPENAI, LOCAL), "openai", "gpt-4o"),
                Arguments.of("/x", null, List.of(OPENAI), "openai", "/x"));
    }

    @ParameterizedTest(name = "{0} with provider {1} -> {3}: {4}")
    @MethodSource("routes")
    void resolves(String model, String hint, List<FakeProvider> providers, String provider, String bareModel) {
        Target route = first(resolver(providers.toArray(FakeProvider[]::new)).resolve(model, hint));

        assertThat(route.provider().name()).isEqualTo(provider);
        assertThat(route.model()).isEqualTo(bareModel);
    }

    @Test
    void nameMatchWinsOverTypeMatch() {
        FakeProvider typedOpenai = new FakeProvider("azure", "openai");
        FakeProvider namedOpenai = new FakeProvider("openai", "custom");

        Target route = first(resolver(typedOpenai, namedOpenai).resolve("openai/gpt-4o", null));

        assertThat(route.provider()).isSameAs(namedOpenai);
        assertThat(route.model()).isEqualTo("gpt-4o");
    }

    @Test
    void unknownHintFailsListingConfiguredProviders() {
        ModelResolver resolver = resolver(OPENAI, GROQ);

        assertThatThrownBy(() -> resolver.resolve("gpt-4o", "mistral"))
                .isInstanceOf(NoRouteException.class)
                .hasMessageStartingWith("no provider named \"mistral\" is configured")
                .hasMessageContaining("openai (openai: any model)")
                .hasMessageContaining("groq (groq: llama-3.1-8b, mixtral)");
    }

    @Test
    void modelNoProviderServesFailsListingConfiguredProviders() {
        ModelResolver resolver = resolver(GROQ);

        assertThatThrownBy(() -> resolver.resolve("gpt-4o", null))
                .isInstanceOf(NoRouteException.class)
                .hasMessage("no configured provider serves model \"gpt-4o\"; configured: groq (groq: llama-3.1-8b, mixtral)");
    }

    @ParameterizedTest(name = "{0} with provider {1}")
    @org.junit.jupiter.params.provider.CsvSource(value = {"openai/, NULL", "openai/, openai", "'openai/  ', NULL"},
            nullValues = "NULL")
    void prefixWithNothingAfterItIsRejectedNamingTheModel(String model, String hint) {
        ModelResolver resolver = resolver(OPENAI);

        assertThatThrownBy(() -> resolver.resolve(model, hint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("model \"" + model + "\" has no model id after the provider prefix \"openai/\"");
    }

    @Test
    void providersListingTheModelFormAPool() {
        FakeProvider groq2 = new FakeProvider("groq-eu", "groq", "mixtral");

        Plan plan = resolver(OPENAI, GROQ, groq2).resolve("mixtral", null);

        assertThat(stage(plan, 0)).containsExactly("groq:mixtral", "groq-eu:mixtral");
    }

    @Test
    void anAliasIsReplacedByItsTargetsOnlyWithoutAnExplicitProvider() {
        ModelResolver resolver = resolver(Map.of("smart", List.of("openai/gpt-4o", "work/claude")), Map.of(), OPENAI,
                WORK);

        assertThat(stage(resolver.resolve("smart", null), 0)).containsExactly("openai:gpt-4o", "work:claude");
        assertThat(stage(resolver.resolve("smart", "openai"), 0)).containsExactly("openai:smart");
    }

    @Test
    void fallbacksFollowAsStagesMatchedByTheModelAsWrittenOrAsResolved() {
        ModelResolver resolver = resolver(Map.of(), Map.of("gpt-4o", List.of("work/claude", "groq/mixtral")), OPENAI,
                WORK, GROQ);

        Plan written = resolver.resolve("gpt-4o", null);
        Plan prefixed = resolver.resolve("openai/gpt-4o", null);

        assertThat(written.stages()).hasSize(3);
        assertThat(stage(written, 1)).containsExactly("work:claude");
        assertThat(stage(written, 2)).containsExactly("groq:mixtral");
        assertThat(stage(prefixed, 1)).containsExactly("work:claude");
    }

    @Test
    void aFallbackThatResolvesNowhereIsRejectedNamingTheEntry() {
        assertThatThrownBy(() -> resolver(Map.of(), Map.of("gpt-4o", List.of("groq/mixtral", "claude-3")), GROQ))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fallbacks.gpt-4o[1]: no configured provider serves model \"claude-3\"");
    }

    static Stream<Arguments> remembered() {
        return Stream.of(
                Arguments.of("gpt-4o", null),
                Arguments.of("openai/gpt-4o", null),
                Arguments.of("smart", null),
                Arguments.of("mixtral", null),
                Arguments.of("gpt-4o", "openai"),
                Arguments.of("openai/gpt-4o", "openai"),
                Arguments.of("smart", "openai"),
                Arguments.of("claude", "anthropic"));
    }

    @ParameterizedTest(name = "{0} with provider {1}")
    @MethodSource("remembered")
    void aRememberedPlanIsTheOneAFreshResolverMakes(String model, String hint) {
        Map<String, List<String>> aliases = Map.of("smart", List.of("openai/gpt-4o", "work/claude", "groq/mixtral"));
        Map<String, List<String>> fallbacks = Map.of("gpt-4o", List.of("work/claude"), "smart", List.of("groq/mixtral"));
        FakeProvider groq2 = new FakeProvider("groq-eu", "groq", "mixtral", "gpt-4o");
        ModelResolver resolver = resolver(aliases, fallbacks, OPENAI, WORK, GROQ, groq2);

        Plan first = resolver.resolve(model, hint);
        Plan again = resolver.resolve(model, hint);
        Plan fresh = resolver(aliases, fallbacks, OPENAI, WORK, GROQ, groq2).resolve(model, hint);

        assertThat(again).isSameAs(first);
        assertThat(describe(again)).isEqualTo(describe(fresh));
    }

    private static List<String> describe(Plan plan) {
        List<String> stages = new ArrayList<>();
        stages.add("route " + plan.routeKey());
        for (int i = 0; i < plan.stages().size(); i++) {
            stages.add(plan.stages().get(i).label() + " " + stage(plan, i) + " forwarded "
                    + plan.stages().get(i).pool().stream().map(Target::forwarded).toList());
        }
        return stages;
    }

    @Test
    void aHintAndNoHintAreRememberedApart() {
        ModelResolver resolver = resolver(Map.of("smart", List.of("work/claude")), Map.of(), OPENAI, WORK);

        assertThat(stage(resolver.resolve("smart", null), 0)).containsExactly("work:claude");
        assertThat(stage(resolver.resolve("smart", "openai"), 0)).containsExactly("openai:smart");
        assertThat(stage(resolver.resolve("smart", null), 0)).containsExactly("work:claude");
        assertThat(stage(resolver.resolve("smart", "work"), 0)).containsExactly("work:smart");
    }

    @Test
    void aModelThatResolvesNowhereFailsEveryTime() {
        ModelResolver resolver = resolver(GROQ);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> resolver.resolve("gpt-4o", null)).isInstanceOf(NoRouteException.class);
            assertThatThrownBy(() -> resolver.resolve("gpt-4o", "openai")).isInstanceOf(NoRouteException.class);
        }
    }

    @Test
    void theMemoryIsBoundedAndStillResolvesWhenFull() {
        ModelResolver resolver = resolver(OPENAI);
        Plan first = resolver.resolve("model-0", null);

        for (int i = 1; i <= ModelResolver.MAX_PLANS; i++) {
            assertThat(first(resolver.resolve("model-" + i, null)).model()).isEqualTo("model-" + i);
        }
        Plan again = resolver.resolve("model-0", null);

        assertThat(again).as("forgotten when the memory filled").isNotSameAs(first);
        assertThat(describe(again)).isEqualTo(describe(first));
    }

    @Test
    void overlongModelNamesAndHintsAreResolvedEachTimeNotRemembered() {
        ModelResolver resolver = resolver(Map.of(), Map.of(), OPENAI, new Listing("gateway", Set.of(), true));
        String longest = "m".repeat(ModelResolver.MAX_REMEMBERED_LENGTH);
        String overlong = longest + "m";
        String overlongHint = "h".repeat(ModelResolver.MAX_REMEMBERED_LENGTH + 1);

        assertThat(resolver.resolve(longest, null)).isSameAs(resolver.resolve(longest, null));
        Plan first = resolver.resolve(overlong, null);
        assertThat(resolver.resolve(overlong, null)).isNotSameAs(first);
        assertThat(first(resolver.resolve(overlong, null)).model()).isEqualTo(overlong);
        // The gateway forwards a hint it does not know, however long: resolved, not remembered.
        Plan hinted = resolver.resolve("gpt-4o", overlongHint);
        assertThat(first(hinted).forwarded()).isTrue();
        assertThat(resolver.resolve("gpt-4o", overlongHint)).isNotSameAs(hinted);
    }

    @Test
    void theMemoryOfHintsIsBoundedAndStillResolvesWhenFull() {
        ModelResolver resolver = resolver(Map.of(), Map.of(), new Listing("gateway", Set.of(), true));
        Plan first = resolver.resolve("gpt-4o", "hint-0");

        for (int i = 1; i <= ModelResolver.MAX_HINTS; i++) {
            Target target = first(resolver.resolve("gpt-4o", "hint-" + i));
            assertThat(target.forwarded()).isTrue();
            assertThat(target.model()).isEqualTo("gpt-4o");
        }
        Plan again = resolver.resolve("gpt-4o", "hint-0");

        assertThat(again).as("forgotten when the memory filled").isNotSameAs(first);
        assertThat(describe(again)).isEqualTo(describe(first));
    }

    @Test
    void aProvidersModelsAreReadWhenTheResolverIsMade() {
        Set<String> models = new HashSet<>(Set.of("mixtral"));
        ModelResolver resolver = resolver(Map.of(), Map.of(), OPENAI, new Listing("groq", models, false));
        models.add("llama");

        assertThat(stage(resolver.resolve("llama", null), 0)).containsExactly("openai:llama");
        assertThat(stage(resolver.resolve("mixtral", null), 0)).containsExactly("groq:mixtral");
    }

    /** A provider that only names its models, and may forward routing. */
    private record Listing(String name, Set<String> models, boolean forwardsRouting) implements Provider {
        @Override
        public String type() {
            return name;
        }

        @Override
        public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
