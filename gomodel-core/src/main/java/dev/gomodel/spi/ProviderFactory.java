package dev.gomodel.spi;

import dev.gomodel.Provider;
import java.util.List;
import java.util.function.Function;

/**
 * Makes providers from environment variables for {@code GoModelClient.fromEnv()}, found through
 * {@link java.util.ServiceLoader}. {@code gomodel-providers} implements it; an application can
 * add its own. Implementations are stateless and thread-safe.
 */
public interface ProviderFactory {

    /**
     * The providers whose configuration {@code env} holds, for example one OpenAI provider when
     * {@code OPENAI_API_KEY} is set; empty when none is configured.
     *
     * @param env looks up an environment variable; returns {@code null} when it is unset
     * @return the providers, in a stable order; an empty list, not {@code null}, when none is
     *     configured
     * @throws IllegalArgumentException when a variable is set but invalid, naming the variable
     */
    List<Provider> fromEnvironment(Function<String, String> env);

    /**
     * Lists the variables that configure a provider of this factory, for the message of the
     * error that no provider is configured.
     *
     * @return the variables' names, such as {@code OPENAI_API_KEY}
     */
    List<String> environmentVariables();
}
