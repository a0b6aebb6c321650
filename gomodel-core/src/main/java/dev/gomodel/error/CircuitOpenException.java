package dev.gomodel.error;

/**
 * Every provider that could serve the call had its circuit open, so none was tried. Immutable.
 */
public final class CircuitOpenException extends GoModelException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with no cause: no provider was tried.
     *
     * @param message which route was refused
     * @param provider a provider whose circuit was open, or {@code null}
     */
    public CircuitOpenException(String message, String provider) {
        super(message, provider, null);
    }
}
