package dev.gomodel.examples;

import dev.gomodel.GoModelClient;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.routing.RetryPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Routing on two local endpoints, one failing on purpose: the router retries the failing one,
 * falls back to the healthy one, and each answer reports the route it took.
 *
 * <p>Run it with {@code mvn -q -Pdemo compile -Ddemo=RoutingDemo}.
 */
public final class RoutingDemo {

    private RoutingDemo() {
    }

    public static void main(String[] args) throws IOException {
        run(System.out);
    }

    static void run(PrintStream out) throws IOException {
        try (LocalEndpoint broken = LocalEndpoint.failing(503);
                LocalEndpoint healthy = LocalEndpoint.openAi(0);
                GoModelClient client = GoModelClient.builder()
                        .provider(OpenAiProvider.builder().name("primary").baseUrl(broken.baseUrl()).build())
                        .provider(OpenAiProvider.builder().name("backup").baseUrl(healthy.baseUrl()).build())
                        .routing(routes -> routes
                                .alias("chat", "primary/gpt-4o-mini")
                                .fallback("chat", "backup/gpt-4o-mini")
                                .retry(RetryPolicy.builder().maxRetries(1).initialBackoff(Duration.ofMillis(100))
                                        .build())
                                .deadline(Duration.ofSeconds(10)))
                        .build()) {
            out.println("primary answers 503 on purpose; backup is healthy.");

            ChatCompletion done = client.chat().create(ChatRequest.builder().model("chat").user("Route me.").build());
            out.println("create: " + done.text());
            out.println(done.route());

            ChatCompletion streamed = client.chat()
                    .stream(ChatRequest.builder().model("chat").user("Stream me.").build(), chunk -> { })
                    .join();
            out.println("stream: " + streamed.text());
            out.println(streamed.route());
        }
    }
}
