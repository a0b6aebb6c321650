package dev.gomodel.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomodel.Provider;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.providers.anthropic.AnthropicProvider;
import dev.gomodel.providers.openai.OpenAiCompatible;
import dev.gomodel.providers.openai.OpenAiProvider;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every public builder method and factory of the providers given a bad argument, before any
 * call: a missing argument is a {@link NullPointerException}, an unusable one an
 * {@link IllegalArgumentException}; the message starts with the setting's name and says what
 * was expected, and never shows a value that may be a secret (an API key, a header value, a URL
 * with credentials).
 */
class BuilderArgumentsTest {

    private static final String SECRET = "sk-secret-0123456789";

    /** Each builder kind the shared settings are checked on: OpenAI, a preset, Anthropic. */
    private static final Map<String, Supplier<HttpProviderBuilder<?>>> BUILDERS = Map.of(
            "OpenAiProvider", OpenAiProvider::builder,
            "OpenAiCompatible.groq", OpenAiCompatible::groq,
            "AnthropicProvider", AnthropicProvider::builder);

    private record Case(String name, Consumer<HttpProviderBuilder<?>> call, Class<? extends RuntimeException> type,
            String message) {
    }

    private static Case missing(String name, Consumer<HttpProviderBuilder<?>> call, String message) {
        return new Case(name, call, NullPointerException.class, message);
    }

    private static Case bad(String name, Consumer<HttpProviderBuilder<?>> call, String message) {
        return new Case(name, call, IllegalArgumentException.class, message);
    }

    private static List<Case> sharedSettings() {
        return List.of(
                missing("name(null)", b -> b.name(null), "name is required"),
                bad("name(\"\")", b -> b.name(""), "name must not be blank"),
                bad("name(\"  \")", b -> b.name("  "), "name must not be blank"),
                bad("apiKey(\"\")", b -> b.apiKey(""), "apiKey must not be blank"),
                bad("apiKey(\" \\n\")", b -> b.apiKey(" \n"), "apiKey must not be blank"),
                missing("baseUrl(null)", b -> b.baseUrl(null), "baseUrl is required"),
                bad("baseUrl(\"\")", b -> b.baseUrl(""), "baseUrl must not be blank"),
                bad("baseUrl(\"\\t\")", b -> b.baseUrl("\t"), "baseUrl must not be blank"),
                bad("baseUrl(not a URL)", b -> b.baseUrl("not a url"), "baseUrl is not a valid URL: not a url"),
                bad("baseUrl(ftp)", b -> b.baseUrl("ftp://example.com/v1"),
                        "baseUrl must be an http:// or https:// URL with a host, got ftp://example.com/v1"),
                bad("baseUrl(no scheme)", b -> b.baseUrl("localhost:8080/v1"),
                        "baseUrl must be an http:// or https:// URL with a host, got localhost:8080/v1"),
                bad("baseUrl(no host)", b -> b.baseUrl("http:///v1"),
                        "baseUrl must be an http:// or https:// URL with a host, got http:///v1"),
                bad("baseUrl(a host name with _)", b -> b.baseUrl("http://my_host:8080/v1"),
                        "baseUrl must be an http:// or https:// URL with a host, got http://my_host:8080/v1 "
                                + "(\"my_host:8080\" holds no valid host name: letters, digits, - and .)"),
                bad("baseUrl(port 0)", b -> b.baseUrl("http://localhost:0/v1"),
                        "baseUrl port must be between 1 and 65535, got 0"),
                bad("baseUrl(port 99999)", b -> b.baseUrl("http://localhost:99999/v1"),
                        "baseUrl port must be between 1 and 65535, got 99999"),
                bad("baseUrl(with a query)", b -> b.baseUrl("https://example.com/v1?key=" + SECRET),
                        "baseUrl must not have a query or a fragment, since the API's path is appended to it"),
                bad("baseUrl(with a fragment)", b -> b.baseUrl("https://example.com/v1#top"),
                        "baseUrl must not have a query or a fragment"),
                bad("baseUrl(with user info)", b -> b.baseUrl("https://user:" + SECRET + "@example.com/v1"),
                        "baseUrl must not contain user info (user:password@)"),
                bad("baseUrl(with user info and a bad host)", b -> b.baseUrl("http://user:" + SECRET + "@my_host/v1"),
                        "baseUrl must not contain user info (user:password@)"),
                missing("header(null, value)", b -> b.header(null, "v"), "header name is required"),
                bad("header(\"\", value)", b -> b.header("", "v"), "header name must not be blank"),
                bad("header(name with a space, value)", b -> b.header("X Title", "v"),
                        "header name must be an HTTP token (letters, digits and !#$%&'*+-.^_`|~), got \"X Title\""),
                bad("header(name with a colon, value)", b -> b.header("X-Title:", "v"),
                        "header name must be an HTTP token"),
                bad("header(Host, value)", b -> b.header("Host", "example.com"),
                        "header name \"Host\" is set by the HTTP client itself and cannot be configured"),
                bad("header(content-length, value)", b -> b.header("content-length", "1"),
                        "header name \"content-length\" is set by the HTTP client itself"),
                missing("header(name, null)", b -> b.header("X-Title", null), "header X-Title value is required"),
                bad("header(name, value with CRLF)", b -> b.header("X-Token", SECRET + "\r\nX-Other: 1"),
                        "header X-Token value must not contain line breaks, other control characters or characters "
                                + "past U+00FF (the value is not shown)"),
                bad("header(name, value with NUL)", b -> b.header("X-Token", SECRET + "\u0000"),
                        "header X-Token value must not contain line breaks"),
                bad("header(name, value with an emoji)", b -> b.header("X-Title", "hi \uD83D\uDE00"),
                        "header X-Title value must not contain line breaks"),
                missing("model(null)", b -> b.model(null), "model is required"),
                bad("model(\" \")", b -> b.model(" "), "model must not be blank"),
                missing("timeouts(null)", b -> b.timeouts(null), "timeouts"),
                missing("httpClient(null)", b -> b.httpClient(null), "httpClient"),
                missing("executor(null)", b -> b.executor(null), "executor"),
                missing("sslContext(null)", b -> b.sslContext(null), "sslContext"),
                missing("sslParameters(null)", b -> b.sslParameters(null), "sslParameters"),
                missing("proxy(null)", b -> b.proxy(null), "proxy"),
                missing("proxyAuthenticator(null)", b -> b.proxyAuthenticator(null), "proxyAuthenticator"),
                missing("httpVersion(null)", b -> b.httpVersion(null), "httpVersion"),
                missing("streamHttpVersion(null)", b -> b.streamHttpVersion(null), "streamHttpVersion"),
                missing("httpClientCustomizer(null)", b -> b.httpClientCustomizer(null), "httpClientCustomizer"),
                bad("maxResponseBytes(0)", b -> b.maxResponseBytes(0), "maxResponseBytes must be positive, got 0"),
                bad("maxResponseBytes(-1)", b -> b.maxResponseBytes(-1), "maxResponseBytes must be positive, got -1"),
                bad("maxEventBytes(0)", b -> b.maxEventBytes(0), "maxEventBytes must be positive, got 0"),
                bad("maxEventBytes(MIN_VALUE)", b -> b.maxEventBytes(Integer.MIN_VALUE),
                        "maxEventBytes must be positive, got -2147483648"));
    }

    static Stream<Arguments> sharedSettingsOfEveryBuilder() {
        List<Arguments> arguments = new ArrayList<>();
        BUILDERS.forEach((builder, make) -> sharedSettings().forEach(c ->
                arguments.add(Arguments.of(builder + "." + c.name(), make, c))));
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedSettingsOfEveryBuilder")
    void aBadSharedSettingFailsNamingItAndNeverShowingASecret(String name, Supplier<HttpProviderBuilder<?>> make,
            Case c) {
        HttpProviderBuilder<?> builder = make.get();

        assertThatThrownBy(() -> c.call().accept(builder))
                .isExactlyInstanceOf(c.type())
                .hasMessageStartingWith(c.message())
                .hasMessageNotContaining("secret");
    }

    private static Arguments missing(String name, ThrowingCallable call, String message) {
        return Arguments.of(name, call, NullPointerException.class, message);
    }

    private static Arguments bad(String name, ThrowingCallable call, String message) {
        return Arguments.of(name, call, IllegalArgumentException.class, message);
    }

    static Stream<Arguments> providerSettings() {
        Duration second = Duration.ofSeconds(1);
        return Stream.of(
                // OpenAiProvider.Builder
                missing("extraBody(null, value)", () -> OpenAiProvider.builder().extraBody(null, JsonValue.TRUE),
                        "extraBody member is required"),
                bad("extraBody(\" \", value)", () -> OpenAiProvider.builder().extraBody(" ", JsonValue.TRUE),
                        "extraBody member must not be blank"),
                missing("extraBody(member, null)", () -> OpenAiProvider.builder().extraBody("seed", null),
                        "extraBody seed value is required"),
                missing("type(null)", () -> OpenAiProvider.builder().type(null), "type is required"),
                bad("type(\" \")", () -> OpenAiProvider.builder().type(" "), "type must not be blank"),
                bad("type(\"Open AI\")", () -> OpenAiProvider.builder().type("Open AI"),
                        "type must be lower case letters, digits, - or _, got Open AI"),
                bad("type(\"-openai\")", () -> OpenAiProvider.builder().type("-openai"),
                        "type must be lower case letters, digits, - or _"),
                missing("chatPath(null)", () -> OpenAiProvider.builder().chatPath(null), "chatPath is required"),
                bad("chatPath(\"\")", () -> OpenAiProvider.builder().chatPath(""), "chatPath must not be blank"),
                bad("chatPath(without /)", () -> OpenAiProvider.builder().chatPath("chat/completions"),
                        "chatPath must start with / and hold no query, got chat/completions"),
                bad("chatPath(with a query)", () -> OpenAiProvider.builder().chatPath("/chat?x=1"),
                        "chatPath must start with / and hold no query"),
                bad("chatPath(with a fragment)", () -> OpenAiProvider.builder().chatPath("/chat#x"),
                        "chatPath must start with / and hold no query"),
                missing("queryParameter(null, value)", () -> OpenAiProvider.builder().queryParameter(null, "v"),
                        "queryParameter name is required"),
                bad("queryParameter(\"\", value)", () -> OpenAiProvider.builder().queryParameter("", "v"),
                        "queryParameter name must not be blank"),
                missing("queryParameter(name, null)", () -> OpenAiProvider.builder().queryParameter("api-version", null),
                        "queryParameter api-version value is required"),
                missing("authHeader(null, prefix)", () -> OpenAiProvider.builder().authHeader(null, ""),
                        "authHeader name is required"),
                bad("authHeader(\" \", prefix)", () -> OpenAiProvider.builder().authHeader(" ", ""),
                        "authHeader name must not be blank"),
                bad("authHeader(name with a space, prefix)", () -> OpenAiProvider.builder().authHeader("api key", ""),
                        "authHeader name must be an HTTP token"),
                bad("authHeader(Connection, prefix)", () -> OpenAiProvider.builder().authHeader("Connection", ""),
                        "authHeader name \"Connection\" is set by the HTTP client itself"),
                missing("authHeader(name, null)", () -> OpenAiProvider.builder().authHeader("api-key", null),
                        "authHeader valuePrefix is required"),
                bad("authHeader(name, prefix with a newline)",
                        () -> OpenAiProvider.builder().authHeader("api-key", "Bearer\n"),
                        "authHeader valuePrefix must not contain line breaks"),
                missing("reasoningField(null)", () -> OpenAiProvider.builder().reasoningField(null), "reasoningField"),
                // OpenAiCompatible
                missing("azure(null, ...)", () -> OpenAiCompatible.azure(null, "gpt4o", "2024-10-21"),
                        "resourceEndpoint is required"),
                bad("azure(\" \", ...)", () -> OpenAiCompatible.azure(" ", "gpt4o", "2024-10-21"),
                        "resourceEndpoint must not be blank"),
                bad("azure(ftp URL, ...)", () -> OpenAiCompatible.azure("ftp://x.openai.azure.com", "gpt4o", "2024-10-21"),
                        "resourceEndpoint is not usable as a base URL: baseUrl must be an http:// or https:// URL"),
                bad("azure(URL with a query, ...)",
                        () -> OpenAiCompatible.azure("https://x.openai.azure.com?api-key=" + SECRET, "gpt4o", "2024-10-21"),
                        "resourceEndpoint is not usable as a base URL: baseUrl must not have a query"),
                missing("azure(endpoint, null, ...)", () -> OpenAiCompatible.azure("https://x", null, "2024-10-21"),
                        "deployment is required"),
                bad("azure(endpoint, \" \", ...)", () -> OpenAiCompatible.azure("https://x", " ", "2024-10-21"),
                        "deployment must not be blank"),
                missing("azure(endpoint, deployment, null)", () -> OpenAiCompatible.azure("https://x", "d", null),
                        "apiVersion is required"),
                bad("azure(endpoint, deployment, \"\")", () -> OpenAiCompatible.azure("https://x", "d", ""),
                        "apiVersion must not be blank"),
                missing("goModel(null)", () -> OpenAiCompatible.goModel(null), "baseUrl is required"),
                bad("goModel(\" \")", () -> OpenAiCompatible.goModel(" "), "baseUrl must not be blank"),
                bad("goModel(without scheme)", () -> OpenAiCompatible.goModel("gateway.internal"),
                        "baseUrl must be an http:// or https:// URL with a host, got gateway.internal"),
                // AnthropicProvider.Builder
                missing("version(null)", () -> AnthropicProvider.builder().version(null), "version is required"),
                bad("version(\" \")", () -> AnthropicProvider.builder().version(" "), "version must not be blank"),
                bad("version(with a newline)", () -> AnthropicProvider.builder().version("2023-06-01\n"),
                        "version must not contain line breaks"),
                missing("beta(null)", () -> AnthropicProvider.builder().beta(null), "beta is required"),
                bad("beta(\"\")", () -> AnthropicProvider.builder().beta(""), "beta must not be blank"),
                bad("beta(with a CR)", () -> AnthropicProvider.builder().beta("prompt-caching\r"),
                        "beta must not contain line breaks"),
                bad("defaultMaxTokens(0)", () -> AnthropicProvider.builder().defaultMaxTokens(0),
                        "defaultMaxTokens must be positive, got 0"),
                bad("defaultMaxTokens(-1)", () -> AnthropicProvider.builder().defaultMaxTokens(-1),
                        "defaultMaxTokens must be positive, got -1"),
                bad("thinkingBudgets below 1024", () -> AnthropicProvider.builder().thinkingBudgets(1023, 2000, 3000),
                        "thinking budgets must be at least 1024 tokens, got low=1023"),
                bad("thinkingBudgets out of order", () -> AnthropicProvider.builder().thinkingBudgets(2000, 1500, 3000),
                        "thinking budgets must satisfy low <= medium <= high, got 2000, 1500, 3000"),
                bad("thinkingBudgets high below medium", () -> AnthropicProvider.builder().thinkingBudgets(1024, 4096, 2048),
                        "thinking budgets must satisfy low <= medium <= high"),
                missing("clock(null)", () -> AnthropicProvider.builder().clock(null), "clock"),
                // Timeouts
                missing("new Timeouts(null, ...)", () -> new Timeouts(null, second, second, null),
                        "timeouts.connect is required"),
                bad("Timeouts.withConnect(0)", () -> Timeouts.defaults().withConnect(Duration.ZERO),
                        "timeouts.connect must be positive, got PT0S"),
                missing("Timeouts.withResponseHeaders(null)", () -> Timeouts.defaults().withResponseHeaders(null),
                        "timeouts.responseHeaders is required"),
                bad("Timeouts.withResponseHeaders(-1 ms)",
                        () -> Timeouts.defaults().withResponseHeaders(Duration.ofMillis(-1)),
                        "timeouts.responseHeaders must be positive, got PT-0.001S"),
                missing("Timeouts.withIdle(null)", () -> Timeouts.defaults().withIdle(null), "timeouts.idle is required"),
                bad("Timeouts.withIdle(0)", () -> Timeouts.defaults().withIdle(Duration.ZERO),
                        "timeouts.idle must be positive"),
                bad("Timeouts.withConnect(1000 years)", () -> Timeouts.defaults().withConnect(Duration.ofDays(365_000)),
                        "timeouts.connect must be at most PT2562047H47M16.854775807S (about 292 years), got PT8760000H"),
                bad("Timeouts.withIdle(ChronoUnit.FOREVER)",
                        () -> Timeouts.defaults().withIdle(ChronoUnit.FOREVER.getDuration()),
                        "timeouts.idle must be at most PT2562047H47M16.854775807S (about 292 years)"),
                bad("Timeouts.withTotal(1000 years)", () -> Timeouts.defaults().withTotal(Duration.ofDays(365_000)),
                        "timeouts.total must be at most PT2562047H47M16.854775807S (about 292 years)"),
                bad("Timeouts.withTotal(0)", () -> Timeouts.defaults().withTotal(Duration.ZERO),
                        "timeouts.total must be positive, got PT0S"),
                // HttpSettings
                missing("new HttpSettings without name", () -> settings(null, URI.create("http://h"), Map.of(), Set.of(),
                        Timeouts.defaults()), "name"),
                missing("new HttpSettings without baseUrl", () -> settings("p", null, Map.of(), Set.of(),
                        Timeouts.defaults()), "baseUrl"),
                missing("new HttpSettings without headers", () -> settings("p", URI.create("http://h"), null, Set.of(),
                        Timeouts.defaults()), "headers"),
                missing("new HttpSettings without models", () -> settings("p", URI.create("http://h"), Map.of(), null,
                        Timeouts.defaults()), "models"),
                missing("new HttpSettings without timeouts", () -> settings("p", URI.create("http://h"), Map.of(),
                        Set.of(), null), "timeouts"),
                // a provider builder of another library without defaults
                missing("settings() of a builder without a default name", () -> new Bare().named(null).done(),
                        "name is required: this provider has no default name"),
                missing("settings() of a builder without a default base URL", () -> new Bare().named("p").done(),
                        "baseUrl is required: this provider has no default base URL"));
    }

    private static HttpSettings settings(String name, URI baseUrl, Map<String, String> headers, Set<String> models,
            Timeouts timeouts) {
        return new HttpSettings(name, baseUrl, null, headers, models, timeouts, null, null, 1, 1, 0);
    }

    /** A builder as another library might write one: no default name, no default base URL. */
    private static final class Bare extends HttpProviderBuilder<Bare> {
        private Bare() {
            super(null, null);
        }

        @Override
        protected Bare self() {
            return this;
        }

        Bare named(String name) {
            return name == null ? this : name(name);
        }

        HttpSettings done() {
            return settings();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providerSettings")
    void aBadProviderSettingFailsNamingIt(String name, ThrowingCallable call, Class<? extends RuntimeException> type,
            String message) {
        assertThatThrownBy(call).isExactlyInstanceOf(type).hasMessageStartingWith(message)
                .hasMessageNotContaining("secret");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"model", "messages", "max_tokens", "temperature", "tools", "tool_choice",
            "parallel_tool_calls", "stream", "stream_options", "reasoning"})
    void extraBodyRejectsARequestFieldThatWouldNeverBeSent(String field) {
        assertThatThrownBy(() -> OpenAiProvider.builder().extraBody(field, JsonValue.of(1)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("extraBody member \"" + field + "\" is a request field: set it on each request "
                        + "(an extra member of that name would not be sent)");
    }

    @Test
    void extraBodyTakesAProviderObjectButNotTheHintsStringOrNull() {
        assertThatCode(() -> OpenAiProvider.builder()
                .extraBody("provider", JsonValue.parse("{\"order\":[\"anthropic\"],\"allow_fallbacks\":false}")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> OpenAiProvider.builder().extraBody("provider", JsonValue.of("openai")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("extraBody member \"provider\" must not be a string or null: that is the "
                        + "routing hint");
        assertThatThrownBy(() -> OpenAiProvider.builder().extraBody("provider", JsonValue.NULL))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("extraBody member \"provider\" must not be a string or null");
    }

    static Stream<Arguments> keysAHeaderCannotCarry() {
        List<Arguments> arguments = new ArrayList<>();
        List<String> keys = List.of(SECRET + "\n", SECRET + "\r\n", SECRET + " ", " " + SECRET, "sk-secret 0123",
                "sk-secret\t0123", "sk-secret\u00000123", "sk-s\u00e9cret-0123", "sk-secret-\u2028", "\"sk-secret\"\u007f");
        BUILDERS.forEach((builder, make) -> {
            for (String key : keys) {
                arguments.add(Arguments.of(builder, make, key));
            }
        });
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} apiKey({2})")
    @MethodSource("keysAHeaderCannotCarry")
    void aKeyAHeaderCannotCarryIsRejectedWithoutShowingIt(String builder, Supplier<HttpProviderBuilder<?>> make,
            String key) {
        assertThatThrownBy(() -> make.get().apiKey(key))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("apiKey contains spaces, line breaks or other characters outside printable ASCII; "
                        + "an API key is one printable token (check for a trailing newline)")
                .hasMessageNotContaining("secret")
                .hasMessageNotContaining("0123");
    }

    @Test
    void everyPrintableTokenIsAcceptedAsAKey() {
        String printable = "sk-proj_AZaz09!#$%&'()*+,./:;<=>?@[\\]^`{|}~\"";

        BUILDERS.forEach((builder, make) ->
                assertThatCode(() -> make.get().apiKey(printable)).as(builder).doesNotThrowAnyException());
    }

    static Stream<Arguments> everyProviderWithAKey() {
        return Stream.of(
                Arguments.of("OpenAiProvider", (Supplier<Provider>) () -> OpenAiProvider.builder().apiKey(SECRET).build()),
                Arguments.of("AnthropicProvider",
                        (Supplier<Provider>) () -> AnthropicProvider.builder().apiKey(SECRET).build()),
                Arguments.of("azure", (Supplier<Provider>) () -> OpenAiCompatible.azure("https://x.openai.azure.com",
                        "gpt4o", "2024-10-21").apiKey(SECRET).build()),
                Arguments.of("groq", (Supplier<Provider>) () -> OpenAiCompatible.groq().apiKey(SECRET).build()),
                Arguments.of("openRouter",
                        (Supplier<Provider>) () -> OpenAiCompatible.openRouter().apiKey(SECRET).build()),
                Arguments.of("goModel", (Supplier<Provider>) () -> OpenAiCompatible.goModel("https://gateway.example")
                        .apiKey(SECRET).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyProviderWithAKey")
    void toStringNeverShowsTheKey(String name, Supplier<Provider> make) {
        try (Provider provider = make.get()) {
            assertThat(provider.toString()).doesNotContain("secret").contains("apiKey=***");
        }
    }

    static Stream<Arguments> clientSettingsWithAWholeClient() throws Exception {
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getDefault();
        return Stream.of(
                Arguments.of("sslContext", (Consumer<HttpProviderBuilder<?>>) b -> b.sslContext(context)),
                Arguments.of("sslParameters",
                        (Consumer<HttpProviderBuilder<?>>) b -> b.sslParameters(new javax.net.ssl.SSLParameters())),
                Arguments.of("proxy", (Consumer<HttpProviderBuilder<?>>) b -> b.proxy(java.net.ProxySelector.of(
                        java.net.InetSocketAddress.createUnresolved("proxy.example", 3128)))),
                Arguments.of("proxyAuthenticator",
                        (Consumer<HttpProviderBuilder<?>>) b -> b.proxyAuthenticator(new java.net.Authenticator() { })),
                Arguments.of("httpClientCustomizer",
                        (Consumer<HttpProviderBuilder<?>>) b -> b.httpClientCustomizer(builder -> { })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientSettingsWithAWholeClient")
    void aSettingOfTheLibrarysClientCannotBeCombinedWithAWholeClient(String setting,
            Consumer<HttpProviderBuilder<?>> set) {
        OpenAiProvider.Builder builder = OpenAiProvider.builder().httpClient(java.net.http.HttpClient.newHttpClient());
        set.accept(builder);

        assertThatThrownBy(builder::build).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(setting + " configures the client the library builds and cannot be combined "
                        + "with httpClient");
    }

    @Test
    void theSettingsNeverShowTheKeyOrAHeaderValue() {
        HttpSettings settings = new Bare().named("p").baseUrl("https://example.com").apiKey(SECRET)
                .header("X-Token", SECRET).done();

        assertThat(settings.toString()).doesNotContain("secret").contains("apiKey=***").contains("X-Token");
    }

    @Test
    void whatTheUpstreamsLegitimatelyUseIsAccepted() {
        assertThatCode(() -> {
            OpenAiProvider.builder().baseUrl("http://localhost:11434/v1/").header("X-Title", "caf\u00e9\tbar")
                    .header("HTTP-Referer", "https://example.com/?a=1").authHeader("api-key", "").apiKey("k")
                    .extraBody("seed", JsonValue.of(7)).extraBody("max_completion_tokens", JsonValue.of(9))
                    .queryParameter("api-version", "").build().close();
            OpenAiProvider.builder().baseUrl("https://[::1]:8443/v1").build().close();
            AnthropicProvider.builder().version("2023-06-01").beta("prompt-caching-2024-07-31").build().close();
        }).doesNotThrowAnyException();
    }
}
