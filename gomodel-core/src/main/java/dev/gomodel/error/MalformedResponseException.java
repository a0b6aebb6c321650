package dev.gomodel.error;

/**
 * The upstream answered with a body that is not what its wire format promises: malformed JSON,
 * a wrong member type, an HTML page under a 200, an SSE event over the size limit.
 * {@link #bodySnippet()} holds the start of what arrived. Immutable.
 */
public final class MalformedResponseException extends GoModelException {

    private static final long serialVersionUID = 1L;

    /** The start of the offending body or event, never {@code null}. */
    private final String bodySnippet;

    /**
     * An exception whose message names the provider and the problem.
     *
     * @param message what is wrong with the response, such as the JSON path of a wrong member
     * @param provider the provider that answered, or {@code null}
     * @param bodySnippet what arrived, or {@code null}; kept up to
     *     {@link ApiException#MAX_BODY_SNIPPET} characters
     * @param cause the parser's exception, or {@code null}
     */
    public MalformedResponseException(String message, String provider, String bodySnippet, Throwable cause) {
        super((provider == null ? "upstream" : provider) + " sent a malformed response: " + message, provider, cause);
        this.bodySnippet = bodySnippet == null ? ""
                : bodySnippet.length() <= ApiException.MAX_BODY_SNIPPET ? bodySnippet
                : bodySnippet.substring(0, ApiException.MAX_BODY_SNIPPET);
    }

    /**
     * The start of the offending body or event, for diagnosis.
     *
     * @return at most {@link ApiException#MAX_BODY_SNIPPET} characters; empty, never
     *     {@code null}, when none was given
     */
    public String bodySnippet() {
        return bodySnippet;
    }
}
