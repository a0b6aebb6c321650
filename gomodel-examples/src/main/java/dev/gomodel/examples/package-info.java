/**
 * Runnable examples: {@link dev.gomodel.examples.Demo}, run by the README's first command, and
 * the {@link dev.gomodel.examples.LocalEndpoint} it talks to when no API key is set.
 */
package dev.gomodel.examples;
