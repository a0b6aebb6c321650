package dev.gomodel.benchmarks.jmh;

import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Tool;
import dev.gomodel.chat.ToolChoice;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The inputs every benchmark shares, shaped like what OpenAI and Anthropic send and receive
 * today. Built once per trial in a {@code @Setup}; deterministic (fixed seed), so two runs
 * measure the same bytes. Stateless and thread-safe.
 */
public final class Fixtures {

    /** Events in the benchmark stream, {@code [DONE]} included. */
    public static final int STREAM_EVENTS = 2_000;

    /** The size of the buffers a stream is fed in, as the JDK client hands over an HTTP/1.1 body. */
    public static final int BUFFER_BYTES = 16 * 1024;

    private static final String[] WORDS = {"the", "router", "picks", "a", "provider", "and", "streams", "tokens",
        "back", "to", "caller", "while", "circuit", "breaker", "watches", "failures", "of", "each", "upstream",
        "with", "retries", "that", "back", "off", "café", "naïve", "—", "résumé", "🙂", "JSON", "bytes", "records"};

    private static final String WEATHER_SCHEMA = """
            {"type":"object","properties":{"location":{"type":"string","description":"City and country, \
            e.g. Paris, France"},"unit":{"type":"string","enum":["celsius","fahrenheit"],"description":"Temperature \
            unit"},"days":{"type":"integer","minimum":1,"maximum":14,"description":"How many days of forecast"}},\
            "required":["location"],"additionalProperties":false}""";

    private Fixtures() {
    }

    /**
     * A chat request as an application sends it: a system prompt, three user and two
     * assistant turns, one function tool with a JSON Schema, {@code tool_choice},
     * {@code temperature} and {@code max_tokens}; 1.75 KB of JSON.
     */
    public static ChatRequest request(String model) {
        return ChatRequest.builder()
                .model(model)
                .system("You are a concise travel assistant. Answer in the user's language, quote temperatures in "
                        + "the unit the user asks for, and call get_weather whenever a forecast is needed instead of "
                        + "guessing. Keep answers under 120 words unless the user asks for detail.")
                .user("I am flying to Paris next Tuesday for four days. What should I pack for the weather, and is "
                        + "there anything I should know about getting from CDG to the city centre late at night?")
                .assistant("For late arrivals at CDG, the RER B runs until about midnight; after that, Noctilien "
                        + "night buses N140 and N143 or a taxi at the fixed fare of 56 euros to the right bank are "
                        + "your options. Let me check the forecast for your dates before suggesting what to pack.")
                .user("Yes please, in celsius. I am staying near the Marais, if that matters for the transport.")
                .assistant("The Marais is well served: from Châtelet–Les Halles on the RER B it is a ten-minute walk, "
                        + "or one stop on line 11 to Rambuteau. Fetching the forecast now.")
                .user("Great — and will I need an umbrella on the Thursday afternoon?")
                .tool(Tool.function("get_weather", "Get the weather forecast for a location", JsonValue.parse(
                        WEATHER_SCHEMA)))
                .toolChoice(ToolChoice.AUTO)
                .temperature(0.7)
                .maxTokens(512)
                .build();
    }

    /**
     * A non-streamed OpenAI completion as api.openai.com sends it (indented, with
     * {@code refusal}, {@code annotations}, {@code service_tier} and full usage details);
     * 1.8 KB.
     */
    public static byte[] completionJson() {
        String content = sentence(new Random(7), 170);
        String json = """
                {
                  "id": "chatcmpl-BxT3kq2n1Y5fW8vZ0aLr9JmHcQe4u",
                  "object": "chat.completion",
                  "created": 1764059123,
                  "model": "gpt-4o-2024-08-06",
                  "choices": [
                    {
                      "index": 0,
                      "message": {
                        "role": "assistant",
                        "content": "%s",
                        "refusal": null,
                        "annotations": []
                      },
                      "logprobs": null,
                      "finish_reason": "stop"
                    }
                  ],
                  "usage": {
                    "prompt_tokens": 412,
                    "completion_tokens": 236,
                    "total_tokens": 648,
                    "prompt_tokens_details": {
                      "cached_tokens": 0,
                      "audio_tokens": 0
                    },
                    "completion_tokens_details": {
                      "reasoning_tokens": 0,
                      "audio_tokens": 0,
                      "accepted_prediction_tokens": 0,
                      "rejected_prediction_tokens": 0
                    }
                  },
                  "service_tier": "default",
                  "system_fingerprint": "fp_cbf1785567"
                }
                """.formatted(content);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An Anthropic {@code message} as api.anthropic.com sends it (compact): a text block, a
     * {@code tool_use} block and usage with cache counts; 1.2 KB.
     */
    public static byte[] anthropicMessageJson() {
        String text = sentence(new Random(11), 110);
        String json = "{\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[{\"type\":\"text\",\"text\":\"" + text
                + "\"},{\"type\":\"tool_use\",\"id\":\"toolu_01A09q90qw90lq917835lq9\",\"name\":\"get_weather\","
                + "\"input\":{\"location\":\"Paris, France\",\"unit\":\"celsius\",\"days\":4}}],"
                + "\"stop_reason\":\"tool_use\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":2095,"
                + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":1024,\"output_tokens\":503,"
                + "\"service_tier\":\"standard\"}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An OpenAI chat-completions event stream of {@code events} events: a role chunk, content
     * chunks of one word each, a finish chunk, the usage chunk ({@code include_usage}) and
     * {@code [DONE]}.
     *
     * @param openAiExtras whether chunks carry what api.openai.com adds today and the codec
     *     keeps as unknown members ({@code service_tier}, {@code obfuscation}, a delta's
     *     {@code refusal}); without them the chunks look like a plain OpenAI-compatible server's
     */
    public static Stream openAiStream(int events, boolean openAiExtras) {
        if (events < 4) {
            throw new IllegalArgumentException("a stream needs at least 4 events, got " + events);
        }
        Random random = new Random(42);
        String head = "{\"id\":\"chatcmpl-BxT3kq2n1Y5fW8vZ0aLr9JmHcQe4u\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1764059123,\"model\":\"gpt-4o-2024-08-06\","
                + (openAiExtras ? "\"service_tier\":\"default\"," : "")
                + "\"system_fingerprint\":\"fp_cbf1785567\",\"choices\":";
        List<String> payloads = new ArrayList<>(events);
        String refusal = openAiExtras ? ",\"refusal\":null" : "";
        payloads.add(head + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"" + refusal
                + "},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null" + obfuscation(random, openAiExtras)
                + "}");
        for (int i = 0; i < events - 4; i++) {
            String word = (i == 0 ? "" : " ") + WORDS[random.nextInt(WORDS.length)];
            payloads.add(head + "[{\"index\":0,\"delta\":{\"content\":\"" + word
                    + "\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null"
                    + obfuscation(random, openAiExtras) + "}");
        }
        payloads.add(head + "[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null"
                + obfuscation(random, openAiExtras) + "}");
        payloads.add(head + "[],\"usage\":{\"prompt_tokens\":412,\"completion_tokens\":" + (events - 3)
                + ",\"total_tokens\":" + (412 + events - 3) + ",\"prompt_tokens_details\":{\"cached_tokens\":0,"
                + "\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
                + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}"
                + obfuscation(random, openAiExtras) + "}");
        payloads.add("[DONE]");
        StringBuilder body = new StringBuilder(events * 320);
        for (String payload : payloads) {
            body.append("data: ").append(payload).append("\n\n");
        }
        return new Stream(List.copyOf(payloads), body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String obfuscation(Random random, boolean openAiExtras) {
        if (!openAiExtras) {
            return "";
        }
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder padding = new StringBuilder(",\"obfuscation\":\"");
        int length = 2 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            padding.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return padding.append('"').toString();
    }

    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(i % 23 == 0 ? ".\\n\\n" : " ");
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.append('.').toString();
    }

    /** Cuts {@code bytes} into buffers of {@code size} bytes (the last one shorter). */
    public static ByteBuffer[] buffers(byte[] bytes, int size) {
        int count = (bytes.length + size - 1) / size;
        ByteBuffer[] buffers = new ByteBuffer[count];
        for (int i = 0; i < count; i++) {
            int from = i * size;
            buffers[i] = ByteBuffer.wrap(bytes, from, Math.min(size, bytes.length - from)).slice();
        }
        return buffers;
    }

    /**
     * A stream fixture.
     *
     * @param payloads each event's data, in order, {@code [DONE]} last
     * @param bytes the whole {@code text/event-stream} body
     */
    public record Stream(List<String> payloads, byte[] bytes) {
    }
}
