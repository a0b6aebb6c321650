package dev.gomodel.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.StreamOptions;
import dev.gomodel.providers.openai.OpenAiProvider.ReasoningField;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code upstreamRequest} passes a request that needs no change through as it is, without
 * rebuilding it; whatever the provider's options and the request, that shortcut must give
 * exactly the request a rebuild gives.
 */
class UpstreamRequestTest {

    static final Map<String, UnaryOperator<OpenAiProvider.Builder>> PROVIDERS = Map.of(
            "defaults", b -> b,
            "no stream usage", b -> b.streamUsage(false),
            "reasoning object", b -> b.reasoningField(ReasoningField.REASONING_OBJECT),
            "reasoning omitted", b -> b.reasoningField(ReasoningField.OMIT),
            "no reasoning-model rules", b -> b.reasoningModelParameters(false),
            "forwards routing", b -> b.forwardsRouting(true),
            "extra body", b -> b.extraBody("top_k", JsonValue.of(20)));

    static final List<ChatRequest> REQUESTS = List.of(
            ChatRequest.builder().model("gpt-4o").user("hi").build(),
            ChatRequest.builder().model("gpt-4o").user("hi").provider("openai").build(),
            ChatRequest.builder().model("gpt-4o").user("hi").stream(true).build(),
            ChatRequest.builder().model("gpt-4o").user("hi").stream(true).streamOptions(StreamOptions.withUsage())
                    .build(),
            ChatRequest.builder().model("gpt-4o").user("hi").streamOptions(StreamOptions.withUsage()).build(),
            ChatRequest.builder().model("gpt-4o").user("hi").reasoningEffort("low").build(),
            ChatRequest.builder().model("gpt-4o").user("hi").maxTokens(10).temperature(0.2).build(),
            ChatRequest.builder().model("o3-mini").user("hi").build(),
            ChatRequest.builder().model("o3-mini").user("hi").maxTokens(10).build(),
            ChatRequest.builder().model("gpt-5.1").user("hi").temperature(0.2).build(),
            ChatRequest.builder().model("gpt-50").user("hi").temperature(0.2).build(),
            ChatRequest.builder().model("gpt-4o").user("hi").extra("top_k", JsonValue.of(3)).build());

    @Test
    void theShortcutGivesWhatARebuildGives() {
        PROVIDERS.forEach((name, options) -> {
            OpenAiProvider provider = options.apply(OpenAiProvider.builder().apiKey("k")).build();
            try (provider) {
                for (ChatRequest request : REQUESTS) {
                    for (boolean stream : new boolean[] {false, true}) {
                        ChatRequest upstream = provider.upstreamRequest(request, stream);
                        assertThat(upstream).as("%s, stream=%s: %s", name, stream, request)
                                .isEqualTo(provider.rebuilt(request, stream));
                    }
                }
            }
        });
    }

    @Test
    void aRequestThatNeedsNoChangeIsPassedThroughAsItIs() {
        try (OpenAiProvider provider = OpenAiProvider.builder().apiKey("k").build()) {
            ChatRequest plain = ChatRequest.builder().model("gpt-4o").user("hi").build();
            assertThat(provider.upstreamRequest(plain, false)).isSameAs(plain);
        }
    }

    @ParameterizedTest
    @CsvSource({"o1,true", "o3-mini,true", "o4-mini-high,true", "o3.5,true", "gpt-5,true", "gpt-5-mini,true",
            "gpt-5.1,true", "o,false", "o10,false", "o3x,false", "gpt-50,false", "gpt-4o,false", "omni,false",
            "gpt-5x,false", "xo3,false"})
    void reasoningModelsAreRecognisedByName(String model, boolean reasoning) {
        assertThat(OpenAiProvider.isReasoningModel(model)).isEqualTo(reasoning);
    }
}
