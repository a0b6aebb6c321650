package dev.gomodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.error.GoModelException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GoModelClientTest {

    private static final class CountingProvider implements Provider {
        final String name;
        final AtomicInteger closes = new AtomicInteger();

        CountingProvider(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String type() {
            return "fake";
        }

        @Override
        public Set<String> models() {
            return Set.of();
        }

        @Override
        public CompletableFuture<ChatCompletion> createAsync(ChatRequest request) {
            return CompletableFuture.completedFuture(new ChatCompletion("id", ChatCompletion.OBJECT, 1L,
                    request.model(), null, null, null, null, null));
        }

        @Override
        public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @Test
    void routesThroughItsProvidersAndClosesThem() {
        CountingProvider a = new CountingProvider("a");
        CountingProvider b = new CountingProvider("b");
        GoModelClient client = GoModelClient.builder().provider(a).provider(b).build();

        ChatCompletion completion = client.chat().create(ChatRequest.builder().model("b/x").user("Hi").build());
        client.close();
        client.close();

        assertThat(completion.provider()).isEqualTo("b");
        assertThat(completion.model()).isEqualTo("x");
        assertThat(client.providers()).containsExactly(a, b);
        assertThat(a.closes).hasValue(1);
        assertThat(b.closes).hasValue(1);
        assertThatThrownBy(() -> client.chat().create(ChatRequest.builder().model("x").user("Hi").build()))
                .isInstanceOf(GoModelException.class);
    }

    @Test
    void builderRejectsNoProvidersAndDuplicateNames() {
        assertThatThrownBy(() -> GoModelClient.builder().build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoModelClient.builder().provider(new CountingProvider("a"))
                .provider(new CountingProvider("a")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"a\"");
    }

    @Test
    void fromEnvWithoutProviderFactoriesSaysWhatToAdd() {
        assertThatThrownBy(() -> GoModelClient.fromEnv(name -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gomodel-providers");
    }
}
