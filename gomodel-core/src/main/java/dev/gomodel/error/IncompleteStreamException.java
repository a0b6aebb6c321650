package dev.gomodel.error;

/**
 * A stream's body ended before the stream did: no {@code [DONE]} and no {@code finish_reason}
 * arrived. The chunks delivered before are all there was; the answer is truncated. Immutable.
 */
public final class IncompleteStreamException extends GoModelException {

    private static final long serialVersionUID = 1L;

    private final long chunksDelivered;

    public IncompleteStreamException(String provider, long chunksDelivered) {
        super((provider == null ? "upstream" : provider) + " ended the stream after " + chunksDelivered
                + " chunk(s) without [DONE] or a finish_reason: the answer is incomplete", provider, null);
        this.chunksDelivered = chunksDelivered;
    }

    /** How many chunks reached the subscriber before the stream broke off. */
    public long chunksDelivered() {
        return chunksDelivered;
    }
}
