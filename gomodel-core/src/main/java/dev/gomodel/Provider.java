package dev.gomodel;

import java.util.Set;

/**
 * A named upstream that serves chat completions: an OpenAI account, an Anthropic account, a
 * local Ollama, a remote GoModel gateway. Providers live in {@code gomodel-providers}; core
 * never names one.
 *
 * <p>{@link #name()} is how requests address it ({@code "openai"} in
 * {@code "openai/gpt-4o-mini"}); several providers of one {@link #type()} need distinct names.
 * Implementations are thread-safe and own their HTTP resources until {@link #close()}.
 */
public interface Provider extends ChatCompletions, AutoCloseable {

    /** The name requests use to address this provider; unique within a client. */
    String name();

    /** The provider type: {@code "openai"}, {@code "anthropic"}, ... */
    String type();

    /**
     * The models this provider was configured to serve; empty when it serves whatever model
     * it is asked for.
     */
    Set<String> models();

    /**
     * Whether this is a gateway that routes requests itself: the router sends it the request's
     * model and provider hint as written instead of resolving them. A remote GoModel server is
     * one; an upstream such as OpenAI is not. Default false.
     */
    default boolean forwardsRouting() {
        return false;
    }

    /** Releases the provider's HTTP resources; calls in flight fail. Idempotent. */
    @Override
    void close();
}
