package dev.gomodel.error;

/**
 * A stream failed after its first content chunk reached the subscriber, so it could be neither
 * retried nor moved to a fallback without duplicating output. {@link #chunksDelivered()} says
 * how much of the answer arrived; the cause is what broke it. Immutable.
 */
public final class StreamInterruptedException extends GoModelException {

    private static final long serialVersionUID = 1L;

    private final long chunksDelivered;

    public StreamInterruptedException(String provider, long chunksDelivered, Throwable cause) {
        super("the stream from " + provider + " failed after " + chunksDelivered + " chunk(s) were delivered: "
                + cause.getMessage(), provider, cause);
        this.chunksDelivered = chunksDelivered;
    }

    /** How many chunks reached the subscriber before the failure. */
    public long chunksDelivered() {
        return chunksDelivered;
    }
}
