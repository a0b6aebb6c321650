/**
 * The Anthropic Messages API provider: {@link dev.gomodel.providers.anthropic.AnthropicProvider}
 * translates chat-completions requests, answers and streams to and from Anthropic's format.
 * Everything but the provider and its builder is internal.
 */
package dev.gomodel.providers.anthropic;
