package dev.gomodel.providers;

import java.net.Authenticator;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * How a provider's JDK {@link HttpClient} is configured, as its builder left it: TLS, proxy,
 * the HTTP versions, and a hook for anything else. Providers whose transport settings are equal
 * (and whose connect timeout and executor are the same) share one JDK client, and so one
 * selector thread and one connection pool per host; settings given as objects ({@link SSLContext},
 * {@link ProxySelector}, {@link Authenticator}, the customizer) are equal when they are the same
 * object, and {@link SSLParameters} when their values are.
 *
 * <p>Immutable and thread-safe, but for the objects it holds, which the JDK treats as shared:
 * {@link #sslParameters()} returns a copy. {@link #toString()} names what is set, never a
 * secret.
 *
 * @param sslContext the TLS context (trusted certificates, a client key for mutual TLS), or
 *     {@code null} for the JDK's default
 * @param sslParameters TLS parameters (protocols, cipher suites, server names), or {@code null}
 *     for the JDK's default
 * @param proxy how to pick a proxy per request, or {@code null} for none
 * @param proxyAuthenticator answers a proxy's {@code 407} challenge, or {@code null}
 * @param httpVersion the version of non-streamed calls, or {@code null} for the default:
 *     HTTP/2 for {@code https://} base URLs (HTTP/1.1 when the server does not offer HTTP/2),
 *     HTTP/1.1 for {@code http://}, and the given client's own when one was given
 * @param streamHttpVersion the version of streamed calls, or {@code null} for the default,
 *     HTTP/1.1 (see the README's streaming contract for why)
 * @param customizer called with the JDK client's builder after the settings above, for anything
 *     else, or {@code null}
 */
public record TransportSettings(
        SSLContext sslContext,
        SSLParameters sslParameters,
        ProxySelector proxy,
        Authenticator proxyAuthenticator,
        HttpClient.Version httpVersion,
        HttpClient.Version streamHttpVersion,
        Consumer<HttpClient.Builder> customizer) {

    private static final TransportSettings DEFAULTS = new TransportSettings(null, null, null, null, null, null, null);

    /**
     * Copies the TLS parameters, which are mutable.
     *
     * @param sslContext the TLS context, or {@code null}
     * @param sslParameters the TLS parameters, or {@code null}; copied
     * @param proxy the proxy selector, or {@code null}
     * @param proxyAuthenticator the proxy authenticator, or {@code null}
     * @param httpVersion the version of non-streamed calls, or {@code null}
     * @param streamHttpVersion the version of streamed calls, or {@code null}
     * @param customizer the hook for the JDK client's builder, or {@code null}
     */
    public TransportSettings {
        sslParameters = copy(sslParameters);
    }

    /**
     * Nothing set: the JDK's TLS defaults, no proxy, the default versions, no customizer.
     *
     * @return the defaults
     */
    public static TransportSettings defaults() {
        return DEFAULTS;
    }

    /**
     * The TLS parameters, as a copy the caller may change.
     *
     * @return a copy, or {@code null} when none were set
     */
    @Override
    public SSLParameters sslParameters() {
        return copy(sslParameters);
    }

    /**
     * Whether any setting that configures the JDK client is set; such settings cannot be combined
     * with a client given whole.
     *
     * @return whether TLS, proxy or customizer settings are present
     */
    public boolean configuresClient() {
        return sslContext != null || sslParameters != null || proxy != null || proxyAuthenticator != null
                || customizer != null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TransportSettings that && sslContext == that.sslContext
                && parametersKey(sslParameters).equals(parametersKey(that.sslParameters)) && proxy == that.proxy
                && proxyAuthenticator == that.proxyAuthenticator && httpVersion == that.httpVersion
                && streamHttpVersion == that.streamHttpVersion && customizer == that.customizer;
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(sslContext), parametersKey(sslParameters),
                System.identityHashCode(proxy), System.identityHashCode(proxyAuthenticator), httpVersion,
                streamHttpVersion, System.identityHashCode(customizer));
    }

    @Override
    public String toString() {
        return "TransportSettings[sslContext=" + (sslContext == null ? "default" : sslContext.getProtocol())
                + ", sslParameters=" + (sslParameters == null ? "default" : "set")
                + ", proxy=" + (proxy == null ? "none" : "set")
                + ", proxyAuthenticator=" + (proxyAuthenticator == null ? "none" : "set")
                + ", httpVersion=" + (httpVersion == null ? "default" : httpVersion)
                + ", streamHttpVersion=" + (streamHttpVersion == null ? "default" : streamHttpVersion)
                + ", customizer=" + (customizer == null ? "none" : "set") + "]";
    }

    /** A copy of {@code parameters}, which are mutable, or {@code null}. */
    static SSLParameters copy(SSLParameters parameters) {
        if (parameters == null) {
            return null;
        }
        SSLParameters copy = new SSLParameters(parameters.getCipherSuites(), parameters.getProtocols());
        copy.setAlgorithmConstraints(parameters.getAlgorithmConstraints());
        copy.setApplicationProtocols(parameters.getApplicationProtocols());
        copy.setEnableRetransmissions(parameters.getEnableRetransmissions());
        copy.setEndpointIdentificationAlgorithm(parameters.getEndpointIdentificationAlgorithm());
        copy.setMaximumPacketSize(parameters.getMaximumPacketSize());
        copy.setServerNames(parameters.getServerNames());
        copy.setSNIMatchers(parameters.getSNIMatchers());
        copy.setUseCipherSuitesOrder(parameters.getUseCipherSuitesOrder());
        if (parameters.getNeedClientAuth()) {
            copy.setNeedClientAuth(true);
        } else if (parameters.getWantClientAuth()) {
            copy.setWantClientAuth(true);
        }
        return copy;
    }

    /** The values of TLS parameters that make two of them equal; {@link SSLParameters} has no equals. */
    private static List<Object> parametersKey(SSLParameters p) {
        if (p == null) {
            return List.of();
        }
        return Arrays.asList(
                p.getCipherSuites() == null ? null : List.of(p.getCipherSuites()),
                p.getProtocols() == null ? null : List.of(p.getProtocols()),
                List.of(p.getApplicationProtocols()), p.getEndpointIdentificationAlgorithm(),
                p.getServerNames(), p.getSNIMatchers(), p.getNeedClientAuth(), p.getWantClientAuth(),
                p.getUseCipherSuitesOrder(), p.getMaximumPacketSize(), p.getEnableRetransmissions(),
                System.identityHashCode(p.getAlgorithmConstraints()));
    }
}
