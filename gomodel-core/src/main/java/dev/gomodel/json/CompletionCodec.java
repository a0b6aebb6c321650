package dev.gomodel.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.Choice;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Message;
import dev.gomodel.internal.json.ExplicitNulls;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Non-streamed completions and their choices. */
final class CompletionCodec {

    private static final Set<String> CHOICE = Set.of("index", "message", "finish_reason", "logprobs");

    private CompletionCodec() {
    }

    static ChatCompletion readCompletion(JsonIn in) throws IOException {
        in.requireObject("a completion object");
        ResponseHead head = new ResponseHead();
        List<Choice> choices = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (name.equals("choices")) {
                choices = in.array("a choice object", CompletionCodec::readChoice);
            } else {
                head.read(in, name);
            }
            head.track(in, name);
        }
        return new ChatCompletion(head.id, head.object, head.created, head.model, head.provider,
                head.systemFingerprint, choices, head.usage, head.extra(), head.nulls());
    }

    static void writeCompletion(JsonGenerator out, ChatCompletion completion) throws IOException {
        out.writeStartObject();
        ResponseHead.writeStart(out, completion.id(), completion.object(), completion.created(), completion.model(),
                completion.provider(), completion.systemFingerprint(), completion.nulls());
        JsonOut.list(out, "choices", completion.choices(), CompletionCodec::writeChoice, completion.nulls());
        ResponseHead.writeEnd(out, completion.usage(), completion.extra(), completion.nulls());
        out.writeEndObject();
    }

    /** An explicit {@code "logprobs": null} reads as {@link JsonValue#NULL}, so it is written back. */
    private static Choice readChoice(JsonIn in) throws IOException {
        in.startObject("a choice object");
        int index = 0;
        Message message = null;
        String finishReason = null;
        JsonValue logprobs = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "index" -> index = in.integer(0);
                case "message" -> message = MessageCodec.readMessage(in);
                case "finish_reason" -> finishReason = in.string();
                case "logprobs" -> logprobs = in.value();
                default -> extra = in.unknown(extra, name);
            }
            nulls = in.nulls(nulls, ExplicitNulls.CHOICE, name);
        }
        return new Choice(index, message, finishReason, logprobs, extra, ExplicitNulls.CHOICE.set(nulls));
    }

    /** {@code index} is always written (as {@code null} when it came so). */
    private static void writeChoice(JsonGenerator out, Choice choice) throws IOException {
        out.writeStartObject();
        JsonOut.count(out, "index", choice.index(), choice.nulls());
        JsonOut.object(out, "message", choice.message(), MessageCodec::writeMessage, choice.nulls());
        JsonOut.string(out, "finish_reason", choice.finishReason(), choice.nulls());
        JsonOut.raw(out, "logprobs", choice.logprobs());
        JsonOut.extra(out, choice.extra(), CHOICE);
        out.writeEndObject();
    }
}
