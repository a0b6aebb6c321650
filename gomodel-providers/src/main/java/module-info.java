/**
 * gomodel-providers: LLM providers over {@code java.net.http.HttpClient}, with incremental SSE
 * streaming. {@code GoModelClient.fromEnv()} finds them through the
 * {@link dev.gomodel.spi.ProviderFactory} service this module provides.
 */
module dev.gomodel.providers {
    requires transitive dev.gomodel.core;
    requires transitive java.net.http;
    requires com.fasterxml.jackson.core;

    exports dev.gomodel.providers;
    exports dev.gomodel.providers.anthropic;
    exports dev.gomodel.providers.openai;

    provides dev.gomodel.spi.ProviderFactory with dev.gomodel.providers.internal.EnvironmentProviders;
}
