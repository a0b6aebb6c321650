/**
 * The in-process router: resolving a request's model and provider hint to the provider that
 * serves it. Types here are immutable once built and thread-safe.
 */
package dev.gomodel.routing;
