package dev.gomodel.providers.openai;

import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.error.ApiException;
import dev.gomodel.json.ChatJson;
import dev.gomodel.providers.http.ErrorResponses;
import dev.gomodel.providers.http.SseEvent;
import dev.gomodel.providers.http.StreamDialect;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * OpenAI's stream: each event's data is a chunk, {@code [DONE]} ends it, and an error arrives
 * as {@code {"error": {...}}} (in a plain event or one named {@code error}).
 */
final class OpenAiStreamDialect implements StreamDialect {

    private final String provider;
    private final HttpHeaders headers;

    OpenAiStreamDialect(String provider, HttpHeaders headers) {
        this.provider = provider;
        this.headers = headers;
    }

    @Override
    public void onEvent(SseEvent event, Sink sink) {
        String data = event.data();
        if (data.equals("[DONE]")) {
            sink.done();
            return;
        }
        byte[] json = data.getBytes(StandardCharsets.UTF_8);
        if ("error".equals(event.event()) || data.startsWith("{\"error\"")) {
            ApiException error = ErrorResponses.fromErrorEvent(provider, headers, json);
            if (error != null) {
                sink.error(error);
                return;
            }
        }
        ChatCompletionChunk chunk = ChatJson.readChunk(json, 0, json.length);
        if (chunk.choices().isEmpty() && chunk.usage() == null && chunk.extra().containsKey("error")) {
            ApiException error = ErrorResponses.fromErrorEvent(provider, headers, json);
            if (error != null) {
                sink.error(error);
                return;
            }
        }
        sink.chunk(chunk);
    }
}
