package dev.gomodel.providers.internal;

import dev.gomodel.Provider;
import dev.gomodel.providers.HttpProviderBuilder;
import dev.gomodel.providers.anthropic.AnthropicProvider;
import dev.gomodel.providers.openai.OpenAiCompatible;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.spi.ProviderFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@link ProviderFactory} of gomodel-providers, found by {@code GoModelClient.fromEnv()}.
 * Each entry of {@link #ENTRIES} is one provider and the variables that configure it:
 *
 * <ul>
 *   <li>a cloud upstream is on when its key variable is set ({@code GROQ_API_KEY}); its
 *       {@code <NAME>_BASE_URL} points it elsewhere;
 *   <li>Azure OpenAI needs {@code AZURE_OPENAI_API_KEY}, {@code AZURE_OPENAI_ENDPOINT} and
 *       {@code AZURE_OPENAI_DEPLOYMENT}; {@code AZURE_OPENAI_API_VERSION} defaults to
 *       {@value OpenAiCompatible#AZURE_DEFAULT_API_VERSION};
 *   <li>a local server (Ollama, vLLM) is on when its {@code <NAME>_BASE_URL} is set;
 *   <li>a GoModel gateway is on when {@code GOMODEL_BASE_URL} is set, with the optional
 *       {@code GOMODEL_API_KEY}.
 * </ul>
 *
 * <p>A set but malformed value is an {@link IllegalArgumentException} that names the variable
 * and never contains a key. Public only because {@link java.util.ServiceLoader} requires it.
 */
public final class EnvironmentProviders implements ProviderFactory {

    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?|v1|latest|preview");

    /** One provider per entry, in the order providers are added. */
    static final List<Entry> ENTRIES = List.of(
            keyed("OPENAI_API_KEY", "OPENAI_BASE_URL", OpenAiCompatible::openAi),
            keyed("ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", AnthropicProvider::builder, AnthropicProvider.Builder::build),
            new AzureEntry(),
            keyed("GROQ_API_KEY", "GROQ_BASE_URL", OpenAiCompatible::groq),
            keyed("XAI_API_KEY", "XAI_BASE_URL", OpenAiCompatible::xai),
            keyed("DEEPSEEK_API_KEY", "DEEPSEEK_BASE_URL", OpenAiCompatible::deepSeek),
            keyed("GEMINI_API_KEY", "GEMINI_BASE_URL", OpenAiCompatible::gemini),
            keyed("OPENROUTER_API_KEY", "OPENROUTER_BASE_URL", OpenAiCompatible::openRouter),
            keyed("MISTRAL_API_KEY", "MISTRAL_BASE_URL", OpenAiCompatible::mistral),
            keyed("TOGETHER_API_KEY", "TOGETHER_BASE_URL", OpenAiCompatible::together),
            keyed("FIREWORKS_API_KEY", "FIREWORKS_BASE_URL", OpenAiCompatible::fireworks),
            keyed("CEREBRAS_API_KEY", "CEREBRAS_BASE_URL", OpenAiCompatible::cerebras),
            keyed("ZAI_API_KEY", "ZAI_BASE_URL", OpenAiCompatible::zai),
            keyed("MINIMAX_API_KEY", "MINIMAX_BASE_URL", OpenAiCompatible::miniMax),
            local("OLLAMA_BASE_URL", null, OpenAiCompatible::ollama),
            local("VLLM_BASE_URL", "VLLM_API_KEY", OpenAiCompatible::vllm),
            new GoModelEntry());

    /** Made by {@link java.util.ServiceLoader}. */
    public EnvironmentProviders() {
    }

    @Override
    public List<Provider> fromEnvironment(Function<String, String> env) {
        List<Provider> providers = new ArrayList<>();
        for (Entry entry : ENTRIES) {
            Provider provider = entry.create(name -> nonBlank(env.apply(name)));
            if (provider != null) {
                providers.add(provider);
            }
        }
        return providers;
    }

    /** The variable that turns each provider on: its key, or its base URL for servers without one. */
    @Override
    public List<String> environmentVariables() {
        return ENTRIES.stream().map(Entry::variable).toList();
    }

    /** One provider's environment variables and how they make it. */
    interface Entry {
        /** The variable that turns this provider on. */
        String variable();

        /**
         * The provider, or {@code null} when {@link #variable()} is unset.
         *
         * @param env returns a variable's stripped value, or {@code null} when unset or blank
         * @throws IllegalArgumentException naming the variable when one is malformed
         */
        Provider create(Function<String, String> env);
    }

    /** A provider turned on by its key variable, with an optional base-URL override. */
    static <B extends HttpProviderBuilder<B>> Entry keyed(String keyVariable, String baseUrlVariable,
            Supplier<B> preset, Function<B, ? extends Provider> build) {
        return new Entry() {
            @Override
            public String variable() {
                return keyVariable;
            }

            @Override
            public Provider create(Function<String, String> env) {
                String key = env.apply(keyVariable);
                if (key == null) {
                    return null;
                }
                B builder = preset.get();
                builder.apiKey(checkKey(keyVariable, key));
                String baseUrl = env.apply(baseUrlVariable);
                if (baseUrl != null) {
                    baseUrl(builder, baseUrlVariable, baseUrl);
                }
                return build.apply(builder);
            }
        };
    }

    private static Entry keyed(String keyVariable, String baseUrlVariable, Supplier<OpenAiProvider.Builder> preset) {
        return keyed(keyVariable, baseUrlVariable, preset, OpenAiProvider.Builder::build);
    }

    /** A keyless local server turned on by its base URL, with an optional key. */
    private static Entry local(String baseUrlVariable, String keyVariable, Supplier<OpenAiProvider.Builder> preset) {
        return new Entry() {
            @Override
            public String variable() {
                return baseUrlVariable;
            }

            @Override
            public Provider create(Function<String, String> env) {
                String baseUrl = env.apply(baseUrlVariable);
                if (baseUrl == null) {
                    return null;
                }
                OpenAiProvider.Builder builder = preset.get();
                baseUrl(builder, baseUrlVariable, baseUrl);
                String key = keyVariable == null ? null : env.apply(keyVariable);
                if (key != null) {
                    builder.apiKey(checkKey(keyVariable, key));
                }
                return builder.build();
            }
        };
    }

    /** Azure OpenAI: a key, a resource endpoint and a deployment, and an optional api-version. */
    static final class AzureEntry implements Entry {
        static final String KEY = "AZURE_OPENAI_API_KEY";
        static final String ENDPOINT = "AZURE_OPENAI_ENDPOINT";
        static final String DEPLOYMENT = "AZURE_OPENAI_DEPLOYMENT";
        static final String API_VERSION = "AZURE_OPENAI_API_VERSION";

        @Override
        public String variable() {
            return KEY;
        }

        @Override
        public Provider create(Function<String, String> env) {
            String key = env.apply(KEY);
            if (key == null) {
                return null;
            }
            checkKey(KEY, key);
            String endpoint = require(env, ENDPOINT);
            String deployment = require(env, DEPLOYMENT);
            if (!NAME.matcher(deployment).matches()) {
                throw new IllegalArgumentException(DEPLOYMENT + " must be a deployment name (letters, digits, . _ -), got "
                        + deployment);
            }
            String apiVersion = env.apply(API_VERSION);
            if (apiVersion == null) {
                apiVersion = OpenAiCompatible.AZURE_DEFAULT_API_VERSION;
            } else if (!VERSION.matcher(apiVersion).matches()) {
                throw new IllegalArgumentException(API_VERSION + " must look like 2024-10-21 or 2025-04-01-preview, got "
                        + apiVersion);
            }
            OpenAiProvider.Builder builder;
            try {
                builder = OpenAiCompatible.azure(endpoint, deployment, apiVersion);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ENDPOINT + ": " + e.getMessage(), e);
            }
            return builder.apiKey(key).build();
        }

        private static String require(Function<String, String> env, String variable) {
            String value = env.apply(variable);
            if (value == null) {
                throw new IllegalArgumentException(KEY + " is set but " + variable + " is not: set " + ENDPOINT
                        + " and " + DEPLOYMENT + " too");
            }
            return value;
        }
    }

    /** A GoModel gateway: its base URL and an optional key. */
    static final class GoModelEntry implements Entry {
        static final String BASE_URL = "GOMODEL_BASE_URL";
        static final String KEY = "GOMODEL_API_KEY";

        @Override
        public String variable() {
            return BASE_URL;
        }

        @Override
        public Provider create(Function<String, String> env) {
            String baseUrl = env.apply(BASE_URL);
            if (baseUrl == null) {
                if (env.apply(KEY) != null) {
                    throw new IllegalArgumentException(KEY + " is set but " + BASE_URL + " is not: set the gateway's URL");
                }
                return null;
            }
            OpenAiProvider.Builder builder;
            try {
                builder = OpenAiCompatible.goModel(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(BASE_URL + ": " + e.getMessage(), e);
            }
            String key = env.apply(KEY);
            if (key != null) {
                builder.apiKey(checkKey(KEY, key));
            }
            return builder.build();
        }
    }

    private static void baseUrl(HttpProviderBuilder<?> builder, String variable, String value) {
        try {
            builder.baseUrl(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + ": " + e.getMessage(), e);
        }
    }

    /** The key, if it can go in a header; the message names the variable, never the value. */
    private static String checkKey(String variable, String key) {
        if (!TOKEN.matcher(key).matches()) {
            throw new IllegalArgumentException(variable + " contains spaces or control characters; "
                    + "an API key is one printable token");
        }
        return key;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
