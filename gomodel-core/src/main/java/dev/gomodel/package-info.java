/**
 * The client and the one chat-completions API: {@link dev.gomodel.GoModelClient},
 * {@link dev.gomodel.ChatCompletions}, {@link dev.gomodel.Provider} and the streaming callbacks.
 * Parameters and return values are non-null unless documented.
 */
package dev.gomodel;
