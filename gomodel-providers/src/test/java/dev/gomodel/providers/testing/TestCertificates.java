package dev.gomodel.providers.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates made at test time by the JDK's {@code keytool}, run in a child
 * process, once per test JVM and name: nothing secret or expiring is checked in.
 *
 * <ul>
 *   <li>{@link #SERVER}: a server certificate for {@code 127.0.0.1} and {@code localhost}</li>
 *   <li>{@link #WRONG_HOST}: a server certificate for {@code wrong.example} only</li>
 *   <li>{@link #CLIENT}: a client certificate, for mutual TLS</li>
 * </ul>
 */
public final class TestCertificates {

    /** The password of every key store made here; they hold only throwaway test keys. */
    public static final char[] PASSWORD = "test-only".toCharArray();

    public static final String SERVER = "server";
    public static final String WRONG_HOST = "wrong-host";
    public static final String CLIENT = "client";

    private static final ConcurrentHashMap<String, KeyStore> STORES = new ConcurrentHashMap<>();
    private static Path directory;

    private TestCertificates() {
    }

    /** The key store holding the key and certificate {@code name}, made on first use. */
    public static KeyStore keyStore(String name) {
        return STORES.computeIfAbsent(name, TestCertificates::generate);
    }

    /** The certificate of {@code name}. */
    public static Certificate certificate(String name) {
        try {
            return keyStore(name).getCertificate(name);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trust store that trusts exactly the certificates {@code names}. */
    public static KeyStore trustStore(String... names) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (String name : names) {
                trust.setCertificateEntry(name, certificate(name));
            }
            return trust;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client TLS context trusting {@code trusted}, without a key of its own. */
    public static SSLContext trusting(String... trusted) {
        return context(null, trusted);
    }

    /**
     * A client TLS context trusting {@code trusted}, presenting the key {@code key} (for mutual
     * TLS) unless it is {@code null}.
     */
    public static SSLContext context(String key, String... trusted) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore(trusted));
            KeyManagerFactory keys = null;
            if (key != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(keyStore(key), PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized KeyStore generate(String name) {
        try {
            if (directory == null) {
                directory = Files.createTempDirectory("gomodel-test-certificates");
                directory.toFile().deleteOnExit();
            }
            Path file = directory.resolve(name + ".p12");
            String names = switch (name) {
                case SERVER -> "SAN=ip:127.0.0.1,dns:localhost";
                case WRONG_HOST -> "SAN=dns:wrong.example";
                default -> "SAN=dns:" + name + ".example";
            };
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                    "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                    "-ext", names, "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
            Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            file.toFile().deleteOnExit();
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, PASSWORD);
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
