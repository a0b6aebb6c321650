package dev.gomodel.providers.transport;

import dev.gomodel.chat.ChatRequest;
import dev.gomodel.providers.openai.OpenAiProvider;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The client side of {@link TlsAndProxyTest#anAuthenticatingProxyIsAnsweredByTheProxyAuthenticator},
 * in a JVM that allows Basic authentication for tunnels: one create through the proxy.
 * Arguments: base URL, trust store file, its password, the proxy's port on 127.0.0.1.
 */
public final class ProxyAuthClient {

    private ProxyAuthClient() {
    }

    public static void main(String[] args) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            trust.load(in, args[2].toCharArray());
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trustManagers.getTrustManagers(), null);
        Authenticator authenticator = new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return getRequestorType() == RequestorType.PROXY
                        ? new PasswordAuthentication("gomodel", "proxy-secret".toCharArray()) : null;
            }
        };
        try (OpenAiProvider provider = OpenAiProvider.builder().baseUrl(args[0]).sslContext(tls)
                .proxy(ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[3]))))
                .proxyAuthenticator(authenticator).build()) {
            System.out.println("created " + provider.create(ChatRequest.builder().model("m").user("hi").build()).text());
        } catch (RuntimeException e) {
            System.out.println("failed " + e);
        }
        System.exit(0);
    }
}
