package consumer;

import dev.gomodel.GoModelClient;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.providers.openai.OpenAiProvider;

/** The README's first snippets, compiled against the published artifacts. */
final class Readme {

    private Readme() {
    }

    static String create() {
        try (GoModelClient client = GoModelClient.fromEnv()) {
            ChatCompletion done = client.chat().create(ChatRequest.builder()
                    .model("openai/gpt-4o-mini")
                    .system("Be brief.")
                    .user("Hello")
                    .build());
            return done.text() + " (" + done.usage().totalTokens() + " tokens)";
        }
    }

    static GoModelClient local() {
        return GoModelClient.builder()
                .provider(OpenAiProvider.builder()
                        .name("local")
                        .baseUrl("http://127.0.0.1:8000/v1")
                        .header("X-Team", "search")
                        .extraBody("top_k", JsonValue.of(20))
                        .build())
                .build();
    }
}
