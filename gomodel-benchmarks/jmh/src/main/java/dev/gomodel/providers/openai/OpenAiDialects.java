package dev.gomodel.providers.openai;

import dev.gomodel.providers.http.StreamDialect;
import java.net.http.HttpHeaders;

/**
 * Hands the package-private {@link OpenAiStreamDialect} to benchmarks in other packages, as
 * {@link OpenAiProvider#stream} hands it to its transport.
 */
public final class OpenAiDialects {

    private OpenAiDialects() {
    }

    /** The factory {@link OpenAiProvider} streams with. */
    public static StreamDialect.Factory factory() {
        return OpenAiStreamDialect::new;
    }

    /** One stream's dialect. */
    public static StreamDialect newStream(String provider, HttpHeaders headers) {
        return new OpenAiStreamDialect(provider, headers);
    }
}
