package dev.gomodel.providers.openai;

import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.Content;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Usage;
import dev.gomodel.error.ApiException;
import dev.gomodel.json.ChatJson;
import dev.gomodel.json.ChunkReader;
import dev.gomodel.providers.http.ErrorResponses;
import dev.gomodel.providers.http.SseEvent;
import dev.gomodel.providers.http.StreamDialect;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * OpenAI's stream: each event's data is a chunk, {@code [DONE]} ends it, and an error arrives
 * as {@code {"error": {...}}} (in a plain event or one named {@code error}).
 *
 * <p>An {@code error} object ends the stream with the typed exception whatever else its event
 * carries: OpenRouter reports a failure after tokens were sent as a chunk with the error beside
 * its {@code choices} ({@code {"id": ..., "error": {"code": 400, "message": ...}, "choices":
 * [{"delta": {"content": ""}, "finish_reason": "error"}]}}). Such a chunk is delivered before
 * the error only when it brings text, reasoning, tool calls or usage of its own, so nothing the
 * upstream sent is lost and an empty one does not count as content.
 *
 * <p>The quirks of OpenAI-compatible upstreams that reach the stream are handled here, in one
 * place: Groq may report a stream's usage only inside {@code x_groq} of its last chunk
 * ({@code {"x_groq": {"id": "req_...", "usage": {...}}}}); that usage is lifted into the
 * chunk's {@code usage} (and {@code x_groq} stays in {@code extra}). Fields other upstreams add
 * ({@code reasoning_content}, OpenRouter's {@code provider}) need nothing: the chunk records
 * read them.
 */
final class OpenAiStreamDialect implements StreamDialect {

    private final String provider;
    private final HttpHeaders headers;
    private final ChunkReader chunks = new ChunkReader();

    OpenAiStreamDialect(String provider, HttpHeaders headers) {
        this.provider = provider;
        this.headers = headers;
    }

    @Override
    public void onEvent(SseEvent event, Sink sink) {
        if (event.dataIs("[DONE]")) {
            sink.done();
            return;
        }
        if ("error".equals(event.event()) || event.dataStartsWith("{\"error\"")) {
            ApiException error = ErrorResponses.fromErrorEvent(provider, headers, event.dataBytes());
            if (error != null) {
                sink.error(error);
                return;
            }
        }
        ChatCompletionChunk chunk = chunks.read(event.dataArray(), event.dataOffset(), event.dataLength());
        JsonValue errorMember = chunk.extra().get("error");
        if (errorMember != null && !errorMember.isNull()) {
            ApiException error = ErrorResponses.fromErrorEvent(provider, headers, event.dataBytes());
            if (error != null) {
                if (bringsSomething(chunk)) {
                    sink.chunk(liftGroqUsage(chunk));
                }
                sink.error(error);
                return;
            }
        }
        sink.chunk(liftGroqUsage(chunk));
    }

    /** Whether a chunk brings usage or a delta with text, reasoning or tool calls, beyond a finish_reason. */
    static boolean bringsSomething(ChatCompletionChunk chunk) {
        if (chunk.usage() != null) {
            return true;
        }
        for (ChatCompletionChunk.ChunkChoice choice : chunk.choices()) {
            ChatCompletionChunk.Delta delta = choice.delta();
            if (delta != null && (notEmpty(delta.text()) || notEmpty(delta.reasoningContent())
                    || delta.content() instanceof Content.Parts parts && !parts.parts().isEmpty()
                    || delta.toolCalls() != null && !delta.toolCalls().isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private static boolean notEmpty(String text) {
        return text != null && !text.isEmpty();
    }

    /** The chunk with Groq's {@code x_groq.usage} as its {@code usage} when it has no usage of its own. */
    static ChatCompletionChunk liftGroqUsage(ChatCompletionChunk chunk) {
        JsonValue xGroq = chunk.usage() == null ? chunk.extra().get("x_groq") : null;
        if (xGroq == null || !xGroq.isObject()) {
            return chunk;
        }
        // x_groq is {"id": ..., "usage": {...}}: read as a chunk, its usage is parsed by the same codec.
        byte[] json = xGroq.json().getBytes(StandardCharsets.UTF_8);
        Usage usage = ChatJson.readChunk(json, 0, json.length).usage();
        if (usage == null) {
            return chunk;
        }
        return new ChatCompletionChunk(chunk.id(), chunk.object(), chunk.created(), chunk.model(), chunk.provider(),
                chunk.systemFingerprint(), chunk.choices(), usage, chunk.extra(), chunk.nulls());
    }
}
