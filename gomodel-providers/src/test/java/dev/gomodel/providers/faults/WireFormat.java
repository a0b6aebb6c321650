package dev.gomodel.providers.faults;

import dev.gomodel.Provider;
import dev.gomodel.providers.Timeouts;
import dev.gomodel.providers.anthropic.AnthropicProvider;
import dev.gomodel.providers.openai.OpenAiProvider;
import java.util.List;

/**
 * What a well-behaved upstream of each provider type sends for the one answer, "Hello!", of the
 * fault matrix, as raw wire text, so a fault can be cut into it at any point.
 */
enum WireFormat {
    OPENAI("/v1/chat/completions",
            "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello!\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}",
            List.of(event(null, chunk("{\"role\":\"assistant\",\"content\":\"Hel\"}", "null")),
                    event(null, chunk("{\"content\":\"lo\"}", "null")),
                    event(null, chunk("{\"content\":\"!\"}", "null")),
                    event(null, chunk("{}", "\"stop\"")),
                    event(null, "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                            + "\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,"
                            + "\"total_tokens\":5}}"),
                    event(null, "[DONE]")),
            new int[] {1, 2, 3},
            event(null, "{\"error\":{\"message\":\"The server had an error processing your request\","
                    + "\"type\":\"server_error\",\"code\":null}}"),
            "{\"error\":{\"message\":\"The server had an error processing your request\",\"type\":\"server_error\","
                    + "\"code\":null}}"),

    ANTHROPIC("/v1/messages",
            "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":[{\"type\":"
                    + "\"text\",\"text\":\"Hello!\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                    + "\"usage\":{\"input_tokens\":3,\"output_tokens\":2}}",
            List.of(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":"
                            + "\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":[],\"stop_reason\":null,"
                            + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}"),
                    event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                    event("content_block_delta", delta("Hel")),
                    event("content_block_delta", delta("lo")),
                    event("content_block_delta", delta("!")),
                    event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                    event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                            + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":2}}"),
                    event("message_stop", "{\"type\":\"message_stop\"}")),
            new int[] {3, 4, 5},
            event("error", "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server "
                    + "error\"}}"),
            "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}");

    /** The path requests are sent to. */
    final String path;
    /** The whole non-streamed answer. */
    final String completion;
    /** The events of the streamed answer, each with its blank line. */
    final List<String> events;
    /** After how many events each of the three pieces of text, "Hel", "lo" and "!", has been sent. */
    final int[] textEndsAfter;
    /** An error event inside a 200 stream: a server error. */
    final String errorEvent;
    /** An error envelope, as sent with status 200 or with an error status: a server error. */
    final String errorEnvelope;

    WireFormat(String path, String completion, List<String> events, int[] textEndsAfter, String errorEvent,
            String errorEnvelope) {
        this.path = path;
        this.completion = completion;
        this.events = events;
        this.textEndsAfter = textEndsAfter;
        this.errorEvent = errorEvent;
        this.errorEnvelope = errorEnvelope;
    }

    /** The first {@code count} events as one string. */
    String firstEvents(int count) {
        return String.join("", events.subList(0, count));
    }

    /** The text sent in the first {@code count} events. */
    String textOf(int count) {
        String text = "";
        String[] pieces = {"Hel", "lo", "!"};
        for (int i = 0; i < pieces.length; i++) {
            if (textEndsAfter[i] <= count) {
                text += pieces[i];
            }
        }
        return text;
    }

    /** A provider of this type named {@code name} at {@code baseUrl} (which ends in {@code /v1}). */
    Provider provider(String name, String baseUrl, String apiKey, Timeouts timeouts, int maxResponseBytes,
            int maxEventBytes) {
        return switch (this) {
            case OPENAI -> OpenAiProvider.builder().name(name).baseUrl(baseUrl).apiKey(apiKey).timeouts(timeouts)
                    .maxResponseBytes(maxResponseBytes).maxEventBytes(maxEventBytes).build();
            case ANTHROPIC -> AnthropicProvider.builder().name(name).baseUrl(baseUrl).apiKey(apiKey)
                    .timeouts(timeouts).maxResponseBytes(maxResponseBytes).maxEventBytes(maxEventBytes).build();
        };
    }

    private static String event(String name, String data) {
        return (name == null ? "" : "event: " + name + "\n") + "data: " + data + "\n\n";
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{"
                + "\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}";
    }

    private static String delta(String text) {
        return "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\""
                + text + "\"}}";
    }
}
