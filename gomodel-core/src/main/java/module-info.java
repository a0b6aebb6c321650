/**
 * gomodel-core: the chat-completions wire model, the {@code ChatCompletions} interface, the
 * in-process router, the client facade and the error types.
 */
module dev.gomodel.core {
    requires com.fasterxml.jackson.core;

    exports dev.gomodel;
    exports dev.gomodel.chat;
    exports dev.gomodel.error;
    exports dev.gomodel.json;
    exports dev.gomodel.routing;
    exports dev.gomodel.spi;
    exports dev.gomodel.internal.stream to dev.gomodel.providers;
    exports dev.gomodel.internal.timer to dev.gomodel.providers;

    uses dev.gomodel.spi.ProviderFactory;
}
