/**
 * The per-call deadline of {@code ChatCompletions.withDeadline}; not exported.
 */
package dev.gomodel.internal.deadline;
