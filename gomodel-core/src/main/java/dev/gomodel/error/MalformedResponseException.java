package dev.gomodel.error;

/**
 * The upstream answered with a body that is not what its wire format promises: malformed JSON,
 * a wrong member type, an HTML page under a 200, an SSE event over the size limit.
 * {@link #bodySnippet()} holds the start of what arrived. Immutable.
 */
public final class MalformedResponseException extends GoModelException {

    private static final long serialVersionUID = 1L;

    private final String bodySnippet;

    public MalformedResponseException(String message, String provider, String bodySnippet, Throwable cause) {
        super((provider == null ? "upstream" : provider) + " sent a malformed response: " + message, provider, cause);
        this.bodySnippet = bodySnippet == null ? ""
                : bodySnippet.length() <= ApiException.MAX_BODY_SNIPPET ? bodySnippet
                : bodySnippet.substring(0, ApiException.MAX_BODY_SNIPPET);
    }

    /** The start of the offending body or event; may be empty. */
    public String bodySnippet() {
        return bodySnippet;
    }
}
