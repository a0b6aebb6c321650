package dev.gomodel.routing;

/**
 * Identifies one routed call in {@link RouterListener} events.
 *
 * @param id a number unique within the router, in call order
 * @param model the model as the request named it
 * @param providerHint the request's {@code provider}, or {@code null}
 * @param stream whether the call streams
 */
public record RouterCall(long id, String model, String providerHint, boolean stream) {
}
