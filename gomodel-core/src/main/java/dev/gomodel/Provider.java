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

    /**
     * Names this provider for routing, route reports and exceptions.
     *
     * @return the name requests use to address it; unique within a client, never blank
     */
    String name();

    /**
     * Says what kind of upstream this is; a request's provider hint may name a type.
     *
     * @return the type: {@code "openai"}, {@code "anthropic"}, ...; never blank
     */
    String type();

    /**
     * The models this provider was configured to serve; empty when it serves whatever model
     * it is asked for.
     *
     * @return the model ids, never {@code null}; the router sends these models to this provider
     */
    Set<String> models();

    /**
     * Whether this is a gateway that routes requests itself: the router sends it the request's
     * model and provider hint as written instead of resolving them. A remote GoModel server is
     * one; an upstream such as OpenAI is not. Default false.
     *
     * @return {@code true} if the router must pass the model and provider hint through untouched
     */
    default boolean forwardsRouting() {
        return false;
    }

    /** Releases the provider's HTTP resources; calls in flight fail. Idempotent. */
    @Override
    void close();
}
