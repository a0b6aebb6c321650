package dev.gomodel.error;

/**
 * Every provider that could serve the call had its circuit open, so none was tried. Immutable.
 */
public final class CircuitOpenException extends GoModelException {

    private static final long serialVersionUID = 1L;

    public CircuitOpenException(String message, String provider) {
        super(message, provider, null);
    }
}
