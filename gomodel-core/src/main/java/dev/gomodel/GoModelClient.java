package dev.gomodel;

import dev.gomodel.routing.Router;
import dev.gomodel.spi.ProviderFactory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The entry point: one chat-completions API over the configured providers.
 *
 * <pre>{@code
 * try (GoModelClient client = GoModelClient.fromEnv()) {
 *     ChatCompletion done = client.chat().create(ChatRequest.builder()
 *             .model("openai/gpt-4o-mini")
 *             .user("Hello")
 *             .build());
 *     System.out.println(done.text());
 * }
 * }</pre>
 *
 * <p>Every call goes through a {@link Router} that picks the provider from the request's model
 * and provider hint. The client is immutable, thread-safe and meant to be shared: make one per
 * application and close it when done, which closes its providers.
 */
public final class GoModelClient implements AutoCloseable {

    private final Router router;

    private GoModelClient(Router router) {
        this.router = router;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client with every provider whose environment variables are set, for example OpenAI
     * when {@code OPENAI_API_KEY} is set. Providers are found through the {@link ProviderFactory}
     * services on the class or module path ({@code gomodel-providers} brings them).
     *
     * @throws IllegalStateException naming the variables to set when none is set
     */
    public static GoModelClient fromEnv() {
        return fromEnv(System::getenv);
    }

    /** Like {@link #fromEnv()}, reading variables through {@code env} (which returns {@code null} for unset). */
    public static GoModelClient fromEnv(Function<String, String> env) {
        Objects.requireNonNull(env, "env");
        Builder builder = builder();
        Set<String> variables = new LinkedHashSet<>();
        int found = 0;
        for (ProviderFactory factory : ServiceLoader.load(ProviderFactory.class, GoModelClient.class.getClassLoader())) {
            variables.addAll(factory.environmentVariables());
            for (Provider provider : factory.fromEnvironment(env)) {
                builder.provider(provider);
                found++;
            }
        }
        if (found == 0) {
            throw new IllegalStateException(variables.isEmpty()
                    ? "no provider factory found: add dev.gomodel:gomodel-providers to the class or module path"
                    : "no provider is configured: set one of " + String.join(", ", variables));
        }
        return builder.build();
    }

    /** The chat-completions API of this client. */
    public ChatCompletions chat() {
        return router;
    }

    /** The configured providers, in configuration order. */
    public List<Provider> providers() {
        return router.providers();
    }

    /** Closes the providers and their HTTP resources; later calls fail. Idempotent. */
    @Override
    public void close() {
        router.close();
    }

    /** Builds a {@link GoModelClient}; not thread-safe. */
    public static final class Builder {
        private final Router.Builder router = Router.builder();

        private Builder() {
        }

        /** Adds a provider; names must be unique within a client. */
        public Builder provider(Provider provider) {
            router.provider(provider);
            return this;
        }

        /**
         * Configures routing: aliases, pools, fallbacks, retries, circuit breakers, deadlines.
         *
         * <pre>{@code
         * .routing(r -> r.fallback("gpt-4o", "anthropic/claude-sonnet-4-5").maxRetries(2))
         * }</pre>
         */
        public Builder routing(Consumer<Router.Builder> configuration) {
            Objects.requireNonNull(configuration, "configuration");
            configuration.accept(router);
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalArgumentException if no provider was added or two share a name
         */
        public GoModelClient build() {
            return new GoModelClient(router.build());
        }
    }
}
