package dev.gomodel.error;

/**
 * A stream failed after its first content chunk reached the subscriber, so it could be neither
 * retried nor moved to a fallback without duplicating output. {@link #chunksDelivered()} says
 * how much of the answer arrived; the cause is what broke it. Immutable.
 */
public final class StreamInterruptedException extends GoModelException {

    private static final long serialVersionUID = 1L;

    /** How many chunks reached the subscriber. */
    private final long chunksDelivered;

    /**
     * An exception whose message names the provider, the count of chunks delivered and the
     * cause's message.
     *
     * @param provider the provider whose stream failed
     * @param chunksDelivered how many chunks reached the subscriber before the failure
     * @param cause what broke the stream
     * @throws NullPointerException if {@code cause} is {@code null}
     */
    public StreamInterruptedException(String provider, long chunksDelivered, Throwable cause) {
        super("the stream from " + provider + " failed after " + chunksDelivered + " chunk(s) were delivered: "
                + cause.getMessage(), provider, cause);
        this.chunksDelivered = chunksDelivered;
    }

    /**
     * Says how much of the answer arrived before the failure.
     *
     * @return how many chunks reached the subscriber
     */
    public long chunksDelivered() {
        return chunksDelivered;
    }
}
