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

    /**
     * Starts a client configured in code; at least one provider is required.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client with every provider whose environment variables are set, for example OpenAI
     * when {@code OPENAI_API_KEY} is set. Providers are found through the {@link ProviderFactory}
     * services on the class or module path ({@code gomodel-providers} brings them).
     *
     * @return a client with one provider per configured upstream, each named as its type
     * @throws IllegalStateException naming the variables to set when none is set
     * @throws IllegalArgumentException naming the variable (never its value) when one is set but
     *     invalid
     */
    public static GoModelClient fromEnv() {
        return fromEnv(System::getenv);
    }

    /**
     * Like {@link #fromEnv()}, reading variables through {@code env}; for tests and for
     * configuration kept somewhere other than the environment.
     *
     * @param env looks up a variable by name, returning {@code null} when it is unset
     * @return a client with one provider per configured upstream
     * @throws NullPointerException if {@code env} is {@code null}
     * @throws IllegalStateException naming the variables to set when none is set
     * @throws IllegalArgumentException naming the variable when one is set but invalid
     */
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

    /**
     * The chat-completions API of this client, through its router.
     *
     * @return the API; the same instance on every call
     */
    public ChatCompletions chat() {
        return router;
    }

    /**
     * Lists the configured providers.
     *
     * @return the providers in the order they were added; unmodifiable
     */
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

        /**
         * Adds a provider with the default {@link dev.gomodel.routing.ProviderPolicy}; names must
         * be unique within a client.
         *
         * @param provider the provider; the client closes it when it is closed
         * @return this builder
         * @throws NullPointerException if {@code provider} is {@code null}
         * @throws IllegalArgumentException if a provider of the same name was added, or its
         *     {@code name()} or {@code type()} is blank or its {@code models()} is {@code null}
         */
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
         *
         * @param configuration called at once with the client's router builder; may be called
         *     again, each call adding to the configuration
         * @return this builder
         * @throws NullPointerException if {@code configuration} is {@code null}
         */
        public Builder routing(Consumer<Router.Builder> configuration) {
            Objects.requireNonNull(configuration, "configuration");
            configuration.accept(router);
            return this;
        }

        /**
         * Builds the client and its router from the current settings.
         *
         * @return the client
         * @throws IllegalArgumentException if no provider was added or two share a name
         */
        public GoModelClient build() {
            return new GoModelClient(router.build());
        }
    }
}
