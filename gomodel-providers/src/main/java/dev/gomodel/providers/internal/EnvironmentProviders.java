package dev.gomodel.providers.internal;

import dev.gomodel.Provider;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.spi.ProviderFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@link ProviderFactory} of gomodel-providers, found by {@code GoModelClient.fromEnv()}:
 * {@code OPENAI_API_KEY} (with {@code OPENAI_BASE_URL} to point elsewhere) configures the
 * OpenAI provider. Public only because {@link java.util.ServiceLoader} requires it.
 */
public final class EnvironmentProviders implements ProviderFactory {

    static final String OPENAI_API_KEY = "OPENAI_API_KEY";
    static final String OPENAI_BASE_URL = "OPENAI_BASE_URL";

    /** Made by {@link java.util.ServiceLoader}. */
    public EnvironmentProviders() {
    }

    @Override
    public List<Provider> fromEnvironment(Function<String, String> env) {
        List<Provider> providers = new ArrayList<>();
        String key = nonBlank(env.apply(OPENAI_API_KEY));
        if (key != null) {
            OpenAiProvider.Builder openai = OpenAiProvider.builder().apiKey(key);
            String baseUrl = nonBlank(env.apply(OPENAI_BASE_URL));
            if (baseUrl != null) {
                try {
                    openai.baseUrl(baseUrl);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(OPENAI_BASE_URL + ": " + e.getMessage(), e);
                }
            }
            providers.add(openai.build());
        }
        return providers;
    }

    @Override
    public List<String> environmentVariables() {
        return List.of(OPENAI_API_KEY);
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
