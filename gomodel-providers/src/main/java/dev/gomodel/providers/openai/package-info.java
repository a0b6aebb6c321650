/**
 * The OpenAI chat-completions provider, for OpenAI and any OpenAI-compatible server.
 */
package dev.gomodel.providers.openai;
