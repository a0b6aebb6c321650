package dev.gomodel.providers.openai;

import dev.gomodel.providers.openai.OpenAiProvider.ReasoningField;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Pre-configured {@link OpenAiProvider.Builder}s for the upstreams that speak OpenAI's
 * chat-completions API, each with its base URL, auth header, provider type and the request
 * members it accepts. Each call returns a new builder that can still be adjusted before
 * {@code build()}:
 *
 * <pre>{@code
 * OpenAiProvider groq = OpenAiCompatible.groq().apiKey(System.getenv("GROQ_API_KEY")).build();
 * OpenAiProvider router = OpenAiCompatible.openRouter().apiKey(key)
 *         .header("HTTP-Referer", "https://example.com").header("X-Title", "Example").build();
 * }</pre>
 *
 * <p>Presets are data, not subclasses: the wire protocol lives in {@link OpenAiProvider} once,
 * and a preset only chooses its settings. The provider's name and type are the preset's name
 * ({@code "groq"}), so {@code "groq/llama-3.3-70b-versatile"} routes to it.
 *
 * <p>Where an upstream's documentation does not say it accepts {@code stream_options} or a
 * reasoning-effort member, the preset does not send it (each preset's Javadoc says which); turn
 * it on with {@link OpenAiProvider.Builder#streamUsage(boolean)} or
 * {@link OpenAiProvider.Builder#reasoningField(ReasoningField)} when it does. Stateless.
 */
public final class OpenAiCompatible {

    /** Azure OpenAI's {@code api-version} used when none is given: the latest GA data-plane version. */
    public static final String AZURE_DEFAULT_API_VERSION = "2024-10-21";

    private OpenAiCompatible() {
    }

    /**
     * OpenAI: {@code https://api.openai.com/v1}, {@code Authorization: Bearer}, env
     * {@code OPENAI_API_KEY}. Sends {@code stream_options} and {@code reasoning_effort}; reasoning
     * models (o-series, gpt-5) get {@code max_completion_tokens} and no temperature.
     *
     * @return a new builder named and typed {@code "openai"}, with no API key yet
     */
    public static OpenAiProvider.Builder openAi() {
        return OpenAiProvider.builder();
    }

    /**
     * Azure OpenAI: {@code {resourceEndpoint}/openai/deployments/{deployment}/chat/completions
     * ?api-version={apiVersion}} with the key in an {@code api-key} header; env
     * {@code AZURE_OPENAI_API_KEY}, {@code AZURE_OPENAI_ENDPOINT}, {@code AZURE_OPENAI_DEPLOYMENT},
     * {@code AZURE_OPENAI_API_VERSION} (default {@value #AZURE_DEFAULT_API_VERSION}). The deployment
     * in the URL picks the model; the request's {@code model} is still sent. Sends
     * {@code stream_options} and {@code reasoning_effort} (the latter needs an api-version of
     * 2024-12-01-preview or later), and reasoning-model parameters, as OpenAI does.
     *
     * @param resourceEndpoint the resource URL, for example {@code https://my-resource.openai.azure.com}
     * @param deployment the deployment name
     * @param apiVersion the {@code api-version}, for example {@value #AZURE_DEFAULT_API_VERSION}
     * @return a new builder named and typed {@code "azure"}, with no API key yet
     * @throws NullPointerException if a value is {@code null}
     * @throws IllegalArgumentException if the endpoint is not an http(s) URL or a value is blank
     */
    public static OpenAiProvider.Builder azure(String resourceEndpoint, String deployment, String apiVersion) {
        requireText(resourceEndpoint, "resourceEndpoint");
        requireText(deployment, "deployment");
        requireText(apiVersion, "apiVersion");
        String endpoint = resourceEndpoint.strip();
        while (endpoint.endsWith("/")) {
            endpoint = endpoint.substring(0, endpoint.length() - 1);
        }
        String path = "/openai/deployments/" + URLEncoder.encode(deployment.strip(), StandardCharsets.UTF_8)
                .replace("+", "%20");
        OpenAiProvider.Builder builder = OpenAiProvider.builder().name("azure").type("azure");
        try {
            builder.baseUrl(endpoint + path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("resourceEndpoint is not usable as a base URL: " + e.getMessage(), e);
        }
        return builder.queryParameter("api-version", apiVersion.strip())
                .authHeader("api-key", "");
    }

    /**
     * Groq: {@code https://api.groq.com/openai/v1}, Bearer, env {@code GROQ_API_KEY}. Sends
     * {@code stream_options} and {@code reasoning_effort}. Usage that Groq reports only in
     * {@code x_groq.usage} of the last chunk is lifted into the chunk's {@code usage}.
     *
     * @return a new builder named and typed {@code "groq"}, with no API key yet
     */
    public static OpenAiProvider.Builder groq() {
        return preset("groq", "https://api.groq.com/openai/v1", true, ReasoningField.REASONING_EFFORT);
    }

    /**
     * xAI: {@code https://api.x.ai/v1}, Bearer, env {@code XAI_API_KEY}. Sends
     * {@code reasoning_effort} (documented for reasoning Grok models; others reject it). Does not
     * send {@code stream_options}, which its documentation does not list.
     *
     * @return a new builder named and typed {@code "xai"}, with no API key yet
     */
    public static OpenAiProvider.Builder xai() {
        return preset("xai", "https://api.x.ai/v1", false, ReasoningField.REASONING_EFFORT);
    }

    /**
     * DeepSeek: {@code https://api.deepseek.com}, Bearer, env {@code DEEPSEEK_API_KEY}. Sends
     * {@code stream_options}; does not send a reasoning effort (reasoning is chosen by model,
     * {@code deepseek-reasoner}, whose deltas and messages carry {@code reasoning_content}).
     *
     * @return a new builder named and typed {@code "deepseek"}, with no API key yet
     */
    public static OpenAiProvider.Builder deepSeek() {
        return preset("deepseek", "https://api.deepseek.com", true, ReasoningField.OMIT);
    }

    /**
     * Gemini's OpenAI-compatible endpoint: {@code https://generativelanguage.googleapis.com/v1beta/openai},
     * Bearer, env {@code GEMINI_API_KEY}. Sends {@code reasoning_effort} (documented, mapped to a
     * thinking budget). Does not send {@code stream_options}, which its documentation does not list.
     *
     * @return a new builder named and typed {@code "gemini"}, with no API key yet
     */
    public static OpenAiProvider.Builder gemini() {
        return preset("gemini", "https://generativelanguage.googleapis.com/v1beta/openai", false,
                ReasoningField.REASONING_EFFORT);
    }

    /**
     * OpenRouter: {@code https://openrouter.ai/api/v1}, Bearer, env {@code OPENROUTER_API_KEY};
     * add the optional {@code HTTP-Referer} and {@code X-Title} headers with
     * {@link OpenAiProvider.Builder#header(String, String)}. Sends {@code reasoning} as its own
     * {@code {"effort": ...}} object (OpenRouter's unified reasoning parameter); does not send
     * {@code stream_options} (OpenRouter reports usage in the last chunk). The {@code provider}
     * member of its responses (the upstream that served) is kept as the completion's provider.
     *
     * @return a new builder named and typed {@code "openrouter"}, with no API key yet
     */
    public static OpenAiProvider.Builder openRouter() {
        return preset("openrouter", "https://openrouter.ai/api/v1", false, ReasoningField.REASONING_OBJECT);
    }

    /**
     * Mistral: {@code https://api.mistral.ai/v1}, Bearer, env {@code MISTRAL_API_KEY}. Mistral
     * rejects unknown members (HTTP 422), {@code stream_options} among them, so neither it nor a
     * reasoning effort is sent; usage arrives in the last chunk anyway.
     *
     * @return a new builder named and typed {@code "mistral"}, with no API key yet
     */
    public static OpenAiProvider.Builder mistral() {
        return preset("mistral", "https://api.mistral.ai/v1", false, ReasoningField.OMIT);
    }

    /**
     * Together AI: {@code https://api.together.xyz/v1}, Bearer, env {@code TOGETHER_API_KEY}.
     * Neither {@code stream_options} nor a reasoning effort is sent (not in its documentation);
     * usage arrives in the last chunk.
     *
     * @return a new builder named and typed {@code "together"}, with no API key yet
     */
    public static OpenAiProvider.Builder together() {
        return preset("together", "https://api.together.xyz/v1", false, ReasoningField.OMIT);
    }

    /**
     * Fireworks AI: {@code https://api.fireworks.ai/inference/v1}, Bearer, env
     * {@code FIREWORKS_API_KEY}. Sends {@code reasoning_effort} (documented for its reasoning
     * models); does not send {@code stream_options} (not in its documentation).
     *
     * @return a new builder named and typed {@code "fireworks"}, with no API key yet
     */
    public static OpenAiProvider.Builder fireworks() {
        return preset("fireworks", "https://api.fireworks.ai/inference/v1", false, ReasoningField.REASONING_EFFORT);
    }

    /**
     * Cerebras: {@code https://api.cerebras.ai/v1}, Bearer, env {@code CEREBRAS_API_KEY}. Sends
     * {@code reasoning_effort} (for its gpt-oss models); does not send {@code stream_options}
     * (not in its documentation).
     *
     * @return a new builder named and typed {@code "cerebras"}, with no API key yet
     */
    public static OpenAiProvider.Builder cerebras() {
        return preset("cerebras", "https://api.cerebras.ai/v1", false, ReasoningField.REASONING_EFFORT);
    }

    /**
     * Z.ai (GLM): {@code https://api.z.ai/api/paas/v4}, Bearer, env {@code ZAI_API_KEY}. Neither
     * {@code stream_options} nor a reasoning effort is sent (Z.ai controls thinking with its own
     * {@code thinking} member; set it with {@code extraBody}).
     *
     * @return a new builder named and typed {@code "zai"}, with no API key yet
     */
    public static OpenAiProvider.Builder zai() {
        return preset("zai", "https://api.z.ai/api/paas/v4", false, ReasoningField.OMIT);
    }

    /**
     * MiniMax: {@code https://api.minimax.io/v1}, Bearer, env {@code MINIMAX_API_KEY}. Neither
     * {@code stream_options} nor a reasoning effort is sent (not in its documentation).
     *
     * @return a new builder named and typed {@code "minimax"}, with no API key yet
     */
    public static OpenAiProvider.Builder miniMax() {
        return preset("minimax", "https://api.minimax.io/v1", false, ReasoningField.OMIT);
    }

    /**
     * A local Ollama: {@code http://localhost:11434/v1} (HTTP/1.1, as for every http:// URL), no
     * key, env {@code OLLAMA_BASE_URL}. Sends {@code stream_options} and {@code reasoning_effort},
     * both in Ollama's list of supported fields.
     *
     * @return a new builder named and typed {@code "ollama"}; it needs no API key
     */
    public static OpenAiProvider.Builder ollama() {
        return preset("ollama", "http://localhost:11434/v1", true, ReasoningField.REASONING_EFFORT);
    }

    /**
     * A local vLLM server: {@code http://localhost:8000/v1}, no key unless the server was started
     * with {@code --api-key}, env {@code VLLM_BASE_URL} (and {@code VLLM_API_KEY}). Sends
     * {@code stream_options} and {@code reasoning_effort}.
     *
     * @return a new builder named and typed {@code "vllm"}, with no API key
     */
    public static OpenAiProvider.Builder vllm() {
        return preset("vllm", "http://localhost:8000/v1", true, ReasoningField.REASONING_EFFORT);
    }

    /**
     * A remote GoModel gateway at {@code baseUrl} (the server root; requests go to
     * {@code {baseUrl}/v1/chat/completions}), Bearer when a key is set, env
     * {@code GOMODEL_BASE_URL} and {@code GOMODEL_API_KEY}. The gateway routes requests itself:
     * the {@code provider} hint and {@code provider/model} names are sent untouched
     * ({@link OpenAiProvider#forwardsRouting()} is true), {@code reasoning} is sent as GoModel's
     * own object, and {@code stream_options} is sent. GoModel's error envelope
     * {@code {"error": {"type", "message", "param", "code"}}} maps to the typed exceptions.
     *
     * @param baseUrl the gateway's root URL, such as {@code http://localhost:8080}; trailing
     *     {@code /}s are dropped
     * @return a new builder named and typed {@code "gomodel"}, with no API key yet
     * @throws NullPointerException if {@code baseUrl} is {@code null}
     * @throws IllegalArgumentException if {@code baseUrl} is not an http(s) URL
     */
    public static OpenAiProvider.Builder goModel(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl is required");
        String root = baseUrl.strip();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return OpenAiProvider.builder().name("gomodel").type("gomodel").baseUrl(root)
                .chatPath("/v1/chat/completions")
                .streamUsage(true)
                .reasoningField(ReasoningField.REASONING_OBJECT)
                .reasoningModelParameters(false)
                .forwardsRouting(true);
    }

    private static OpenAiProvider.Builder preset(String name, String baseUrl, boolean streamUsage,
            ReasoningField reasoningField) {
        return OpenAiProvider.builder().name(name).type(name).baseUrl(baseUrl)
                .streamUsage(streamUsage)
                .reasoningField(reasoningField)
                .reasoningModelParameters(false);
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, () -> what + " is required");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
