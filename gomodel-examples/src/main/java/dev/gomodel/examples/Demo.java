package dev.gomodel.examples;

import dev.gomodel.GoModelClient;
import dev.gomodel.StreamHandler;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.Usage;
import dev.gomodel.providers.anthropic.AnthropicProvider;
import dev.gomodel.providers.openai.OpenAiProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.util.function.Function;

/**
 * The README's first command: one completion and one streamed completion.
 *
 * <p>With {@code OPENAI_API_KEY} set it talks to OpenAI ({@code gpt-4o-mini}); without it, it
 * starts two {@link LocalEndpoint}s on 127.0.0.1, one speaking OpenAI's wire format and one
 * Anthropic's, and sends the same prompt to each through the real HTTP providers.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws IOException {
        run(System::getenv, System.out, 40);
    }

    /**
     * Runs the demo.
     *
     * @param env looks up environment variables
     * @param out where to print
     * @param wordDelayMillis the local endpoint's pause between streamed words
     */
    static void run(Function<String, String> env, PrintStream out, long wordDelayMillis) throws IOException {
        String key = env.apply("OPENAI_API_KEY");
        if (key != null && !key.isBlank()) {
            try (GoModelClient client = GoModelClient.fromEnv(env)) {
                out.println("OPENAI_API_KEY is set: using " + client.providers().get(0));
                talk(client, "openai/gpt-4o-mini", out);
            }
            return;
        }
        try (LocalEndpoint endpoint = LocalEndpoint.openAi(wordDelayMillis);
                LocalEndpoint anthropic = LocalEndpoint.anthropic(wordDelayMillis);
                GoModelClient client = GoModelClient.builder()
                        .provider(OpenAiProvider.builder().baseUrl(endpoint.baseUrl()).build())
                        .provider(AnthropicProvider.builder().baseUrl(anthropic.baseUrl()).build())
                        .build()) {
            out.println("No OPENAI_API_KEY set: using the local endpoint at " + endpoint.baseUrl());
            talk(client, "openai/gpt-4o-mini", out);
            out.println("The same prompt to an Anthropic-format local endpoint at " + anthropic.baseUrl());
            talk(client, "anthropic/claude-sonnet-4-5", out);
        }
    }

    private static void talk(GoModelClient client, String model, PrintStream out) {
        ChatCompletion done = client.chat().create(ChatRequest.builder()
                .model(model)
                .system("Be brief.")
                .user("Say hello in five words.")
                .build());
        out.println("create: " + done.text());
        out.println("  served by " + done.provider() + ", " + describe(done.usage()));

        out.print("stream: ");
        ChatCompletion streamed = client.chat().stream(ChatRequest.builder()
                .model(model)
                .user("Now stream a short greeting.")
                .build(), new StreamHandler() {
                    @Override
                    public void onChunk(ChatCompletionChunk chunk) {
                        if (chunk.text() != null) {
                            out.print(chunk.text());
                            out.flush();
                        }
                    }
                }).join();
        out.println();
        out.println("  finish_reason " + streamed.finishReason() + ", " + describe(streamed.usage()));
    }

    private static String describe(Usage usage) {
        return usage == null ? "no usage reported"
                : "usage: " + usage.promptTokens() + " prompt + " + usage.completionTokens() + " completion = "
                        + usage.totalTokens() + " tokens";
    }
}
