package dev.gomodel.providers.http;

import dev.gomodel.error.TlsException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Recognises a failed TLS handshake among what the JDK client fails with, and says what it means
 * and what to configure. The JDK reports every handshake failure as an
 * {@link SSLHandshakeException} (or, for an unverified peer, {@link SSLPeerUnverifiedException}),
 * whose message and causes tell the reason: a certificate path that cannot be built (not
 * trusted), no subject alternative name matching the host, an expired certificate, or an alert
 * from the server ({@code bad_certificate} or {@code certificate_required} when it wants a client
 * certificate, {@code handshake_failure} or {@code protocol_version} when nothing is shared).
 *
 * <p>With TLS 1.3 a server that refuses the client's certificate may close the connection while
 * the client already sends its request, which the JDK then reports as a broken pipe with no word
 * of TLS; that case stays a connection failure.
 */
final class TlsFailures {

    private TlsFailures() {
    }

    /** Whether {@code failure} or one of its causes is a failed handshake. */
    static boolean isHandshake(Throwable failure) {
        return handshake(failure) != null;
    }

    /** The typed exception for a failed handshake, or {@code null} when {@code failure} is not one. */
    static TlsException describe(String provider, Throwable failure) {
        Throwable handshake = handshake(failure);
        if (handshake == null) {
            return null;
        }
        String text = messages(failure).toLowerCase(Locale.ROOT);
        String what;
        if (has(failure, CertificateExpiredException.class) || has(failure, CertificateNotYetValidException.class)
                || text.contains("validity check failed") || text.contains("certificate expired")) {
            what = "the server's certificate has expired or is not yet valid (check the server, and this machine's "
                    + "clock)";
        } else if (text.contains("no subject alternative") || text.contains("no name matching")) {
            what = "the server's certificate does not name the host of the base URL; use a base URL whose host the "
                    + "certificate names, or fix the certificate";
        } else if (has(failure, CertPathBuilderException.class) || has(failure, CertPathValidatorException.class)
                || text.contains("pkix path") || text.contains("unable to find valid certification path")) {
            what = "the server's certificate is not trusted; give the provider an sslContext that trusts it (or the "
                    + "CA that issued it)";
        } else if (text.contains("bad_certificate") || text.contains("certificate_required")) {
            what = "the server wants a client certificate (mutual TLS) and refused the one sent, or got none; give "
                    + "the provider an sslContext holding the client's key and certificate";
        } else if (text.contains("protocol_version") || text.contains("no appropriate protocol")
                || text.contains("handshake_failure") || text.contains("no cipher suites")) {
            what = "the client and the server share no TLS protocol version or cipher suite; check the provider's "
                    + "sslParameters (or sslContext protocol)";
        } else {
            what = "the server ended the handshake without saying why; check the provider's sslContext (the "
                    + "certificates it trusts, and a client key if the server wants mutual TLS) and sslParameters";
        }
        return new TlsException(provider + ": the TLS handshake failed: " + what + " (" + handshake.getMessage() + ")",
                provider, handshake);
    }

    private static Throwable handshake(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof SSLHandshakeException || t instanceof SSLPeerUnverifiedException) {
                return t;
            }
            // With TLS 1.3 the server judges the client's certificate after the client finished its
            // side of the handshake, so its alert may come as a plain SSLException.
            if (t instanceof SSLException && t.getMessage() != null
                    && (t.getMessage().contains("bad_certificate") || t.getMessage().contains("certificate_required"))) {
                return t;
            }
        }
        return null;
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t.getMessage() != null) {
                text.append(t.getMessage()).append(' ');
            }
        }
        return text.toString();
    }
}
