package dev.gomodel.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomodel.providers.ConcurrencyLimit;
import dev.gomodel.providers.HttpSettings;
import dev.gomodel.providers.Timeouts;
import dev.gomodel.providers.TransportSettings;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The JDK clients providers share: one per distinct setting, released by the last provider that
 * closes; a customizer reaches the JDK client's builder, but the library's executor and connect
 * timeout are set after it.
 */
class SharedClientsTest {

    static HttpSettings settings(String name, Consumer<HttpClient.Builder> customizer, Duration connect) {
        return new HttpSettings(name, URI.create("https://127.0.0.1:9/v1"), null, Map.of(), Set.of(),
                Timeouts.defaults().withConnect(connect), null, null, 1 << 20, 1 << 20, 0,
                new TransportSettings(null, null, null, null, null, null, customizer), ConcurrencyLimit.defaults(),
                true);
    }

    @Test
    void equalSettingsShareOneClientUntilTheLastUserCloses() {
        Consumer<HttpClient.Builder> customizer = builder -> { };
        int before = SharedClients.count();
        HttpTransport a = HttpTransport.create(settings("a", customizer, Duration.ofSeconds(3)));
        HttpTransport b = HttpTransport.create(settings("b", customizer, Duration.ofSeconds(3)));
        HttpTransport other = HttpTransport.create(settings("c", customizer, Duration.ofSeconds(4)));

        assertThat(SharedClients.count()).isEqualTo(before + 2);
        a.close();
        a.close();
        assertThat(SharedClients.count()).as("b still uses it").isEqualTo(before + 2);
        b.close();
        other.close();
        assertThat(SharedClients.count()).isEqualTo(before);
    }

    @Test
    void theCustomizerRunsButTheLibrarysExecutorAndConnectTimeoutWin() {
        CookieManager cookies = new CookieManager();
        var foreign = Executors.newSingleThreadExecutor();
        HttpTransport transport = HttpTransport.create(settings("custom", builder -> builder.cookieHandler(cookies)
                .executor(foreign).connectTimeout(Duration.ofMinutes(9)), Duration.ofSeconds(5)));
        try {
            HttpClient client = transport.client();
            assertThat(client.cookieHandler()).containsSame(cookies);
            assertThat(client.connectTimeout()).contains(Duration.ofSeconds(5));
            assertThat(client.executor()).isPresent().get().isNotSameAs(foreign);
        } finally {
            transport.close();
            foreign.shutdown();
        }
    }
}
