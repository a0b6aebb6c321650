/**
 * The unchecked exceptions of a failed call, rooted at {@link dev.gomodel.error.GoModelException}.
 * Accessors return {@code null} for what is unknown unless they say otherwise.
 */
package dev.gomodel.error;
