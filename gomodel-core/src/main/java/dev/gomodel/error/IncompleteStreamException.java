package dev.gomodel.error;

/**
 * A stream's body ended before the stream did: no {@code [DONE]} and no {@code finish_reason}
 * arrived. The chunks delivered before are all there was; the answer is truncated. Immutable.
 */
public final class IncompleteStreamException extends GoModelException {

    private static final long serialVersionUID = 1L;

    /** How many chunks reached the subscriber. */
    private final long chunksDelivered;

    /**
     * An exception whose message names the provider and the count of chunks delivered.
     *
     * @param provider the provider whose stream ended early, or {@code null}
     * @param chunksDelivered how many chunks reached the subscriber before the body ended
     */
    public IncompleteStreamException(String provider, long chunksDelivered) {
        super((provider == null ? "upstream" : provider) + " ended the stream after " + chunksDelivered
                + " chunk(s) without [DONE] or a finish_reason: the answer is incomplete", provider, null);
        this.chunksDelivered = chunksDelivered;
    }

    /**
     * Says how much of the answer arrived.
     *
     * @return how many chunks reached the subscriber before the stream broke off
     */
    public long chunksDelivered() {
        return chunksDelivered;
    }
}
