package dev.gomodel.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import dev.gomodel.chat.Content;
import dev.gomodel.chat.ContentPart;
import dev.gomodel.chat.ContentPart.AudioPart;
import dev.gomodel.chat.ContentPart.ImagePart;
import dev.gomodel.chat.ContentPart.ImageUrl;
import dev.gomodel.chat.ContentPart.InputAudio;
import dev.gomodel.chat.ContentPart.OtherPart;
import dev.gomodel.chat.ContentPart.TextPart;
import dev.gomodel.chat.ContentPart.ThinkingPart;
import dev.gomodel.chat.FunctionCall;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Message;
import dev.gomodel.chat.ToolCall;
import dev.gomodel.internal.json.ExplicitNulls;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Messages and what they hold: {@code content} (null, a string or typed parts), tool calls and
 * their function calls. Shared by requests and completions; chunks reuse the content and the
 * function call.
 */
final class MessageCodec {

    private static final Set<String> MESSAGE = Set.of("role", "content", "reasoning_content", "tool_call_id",
            "tool_calls");
    private static final Set<String> PART = Set.of("type");
    private static final Set<String> TEXT_PART = Set.of("type", "text");
    private static final Set<String> IMAGE_PART = Set.of("type", "image_url");
    private static final Set<String> AUDIO_PART = Set.of("type", "input_audio");
    private static final Set<String> THINKING_PART = Set.of("type", "thinking");
    private static final Set<String> IMAGE_URL = Set.of("url", "detail", "media_type");
    private static final Set<String> INPUT_AUDIO = Set.of("data", "format");
    private static final Set<String> TOOL_CALL = Set.of("id", "type", "function");
    private static final Set<String> FUNCTION_CALL = Set.of("name", "arguments");
    private static final Content EMPTY_TEXT = Content.text("");

    private MessageCodec() {
    }

    // ---- message

    static Message readMessage(JsonIn in) throws IOException {
        if (!in.startObject("a message object")) {
            return null;
        }
        String role = null;
        Content content = null;
        String reasoningContent = null;
        String toolCallId = null;
        List<ToolCall> toolCalls = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "role" -> role = in.string();
                case "content" -> content = readContent(in);
                case "reasoning_content" -> reasoningContent = in.string();
                case "tool_call_id" -> toolCallId = in.string();
                case "tool_calls" -> toolCalls = in.array("a tool call object", MessageCodec::readToolCall);
                default -> extra = in.unknown(extra, name);
            }
            nulls = in.nulls(nulls, ExplicitNulls.MESSAGE, name);
        }
        return new Message(role, content, reasoningContent, toolCallId, toolCalls, extra,
                ExplicitNulls.MESSAGE.set(nulls));
    }

    static void writeMessage(JsonGenerator out, Message message) throws IOException {
        out.writeStartObject();
        JsonOut.string(out, "role", message.role(), message.nulls());
        if (message.content() != null) {
            out.writeFieldName("content");
            writeContent(out, message.content());
        } else {
            JsonOut.explicitNull(out, "content", message.nulls());
        }
        JsonOut.string(out, "reasoning_content", message.reasoningContent(), message.nulls());
        JsonOut.string(out, "tool_call_id", message.toolCallId(), message.nulls());
        JsonOut.array(out, "tool_calls", message.toolCalls(), MessageCodec::writeToolCall, message.nulls());
        JsonOut.extra(out, message.extra(), MESSAGE);
        out.writeEndObject();
    }

    // ---- content

    static Content readContent(JsonIn in) throws IOException {
        switch (in.token()) {
            case VALUE_NULL:
                return null;
            case VALUE_STRING:
                // A stream's first and last deltas often say "content": "": one shared instance.
                return in.parser().getTextLength() == 0 ? EMPTY_TEXT : Content.text(in.parser().getText());
            case START_ARRAY:
                return Content.parts(in.array("a content part object", MessageCodec::readPart));
            default:
                throw in.mismatch("a string, an array of parts or null");
        }
    }

    /** Writes non-null content. */
    static void writeContent(JsonGenerator out, Content content) throws IOException {
        if (content instanceof Content.Text text) {
            out.writeString(text.text());
        } else if (content instanceof Content.Parts parts) {
            out.writeStartArray();
            for (ContentPart part : parts.parts()) {
                writePart(out, part);
            }
            out.writeEndArray();
        }
    }

    // ---- content parts

    /**
     * A part is told apart by its {@code type}. When {@code type} is the first member (as every
     * client sends it) the part is read in one pass; otherwise its members are buffered and the
     * part is read again from a copy with {@code type} moved first. A part with two {@code type}
     * members is rejected: which kind it is would depend on the reader.
     */
    static ContentPart readPart(JsonIn in) throws IOException {
        in.startObject("a content part object");
        String first = in.nextField();
        if ("type".equals(first)) {
            if (in.token() != JsonToken.VALUE_STRING) {
                throw in.mismatch("a string");
            }
            return readPartAfterType(in, in.parser().getText());
        }
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (String name = first; name != null; name = in.nextField()) {
            if (name.equals("type") && members.containsKey("type")) {
                throw secondType(in);
            }
            members.put(name, in.value());
        }
        JsonValue type = members.remove("type");
        if (type == null) {
            throw in.problem("a content part needs a \"type\" member");
        }
        return Json.readNested(typeFirst(type, members), in.path(), MessageCodec::readPart);
    }

    private static String typeFirst(JsonValue type, Map<String, JsonValue> members) {
        StringBuilder json = new StringBuilder("{\"type\":").append(type.json());
        members.forEach((name, value) -> {
            json.append(',').append(JsonValue.of(name).json()).append(':').append(value.json());
        });
        return json.append('}').toString();
    }

    private static ContentPart readPartAfterType(JsonIn in, String type) throws IOException {
        return switch (type) {
            case "text" -> readPartMembers(in, "text", JsonIn::string, ExplicitNulls.TEXT_PART, TextPart::new);
            case "image_url" -> readPartMembers(in, "image_url", MessageCodec::readImageUrl, ExplicitNulls.IMAGE_PART,
                    ImagePart::new);
            case "input_audio" -> readPartMembers(in, "input_audio", MessageCodec::readInputAudio,
                    ExplicitNulls.AUDIO_PART, AudioPart::new);
            case "thinking" -> readPartMembers(in, "thinking", MessageCodec::readContent, ExplicitNulls.THINKING_PART,
                    ThinkingPart::new);
            default -> new OtherPart(type, readOtherPartMembers(in));
        };
    }

    /** Makes a part from the one member it knows besides {@code type}. */
    @FunctionalInterface
    private interface PartMaker<T> {
        ContentPart make(T value, Map<String, JsonValue> extra, Set<String> nulls);
    }

    /** The members after {@code type} of a part of a type not known here. */
    private static Map<String, JsonValue> readOtherPartMembers(JsonIn in) throws IOException {
        Map<String, JsonValue> members = null;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (name.equals("type")) {
                throw secondType(in);
            }
            members = in.unknown(members, name);
        }
        return members;
    }

    private static IllegalArgumentException secondType(JsonIn in) {
        return in.problem("a content part must have one \"type\" member, found a second");
    }

    /** The members after {@code type} of a part that knows one more member, {@code known}. */
    private static <T> ContentPart readPartMembers(JsonIn in, String known, Json.Reader<T> reader,
            ExplicitNulls members, PartMaker<T> part) throws IOException {
        T value = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (name.equals(known)) {
                value = reader.read(in);
            } else if (name.equals("type")) {
                throw secondType(in);
            } else {
                extra = in.unknown(extra, name);
            }
            nulls = in.nulls(nulls, members, name);
        }
        return part.make(value, extra, members.set(nulls));
    }

    static void writePart(JsonGenerator out, ContentPart part) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", part.type());
        if (part instanceof TextPart text) {
            JsonOut.string(out, "text", text.text(), text.nulls());
            JsonOut.extra(out, text.extra(), TEXT_PART);
        } else if (part instanceof ImagePart image) {
            JsonOut.object(out, "image_url", image.imageUrl(), MessageCodec::writeImageUrl, image.nulls());
            JsonOut.extra(out, image.extra(), IMAGE_PART);
        } else if (part instanceof AudioPart audio) {
            JsonOut.object(out, "input_audio", audio.inputAudio(), MessageCodec::writeInputAudio, audio.nulls());
            JsonOut.extra(out, audio.extra(), AUDIO_PART);
        } else if (part instanceof ThinkingPart thinking) {
            JsonOut.object(out, "thinking", thinking.thinking(), MessageCodec::writeContent, thinking.nulls());
            JsonOut.extra(out, thinking.extra(), THINKING_PART);
        } else if (part instanceof OtherPart other) {
            JsonOut.extra(out, other.members(), PART);
        }
        out.writeEndObject();
    }

    private static ImageUrl readImageUrl(JsonIn in) throws IOException {
        if (!in.startObject("an image_url object")) {
            return null;
        }
        String url = null;
        String detail = null;
        String mediaType = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "url" -> url = in.string();
                case "detail" -> detail = in.string();
                case "media_type" -> mediaType = in.string();
                default -> extra = in.unknown(extra, name);
            }
            nulls = in.nulls(nulls, ExplicitNulls.IMAGE_URL, name);
        }
        return new ImageUrl(url, detail, mediaType, extra, ExplicitNulls.IMAGE_URL.set(nulls));
    }

    private static void writeImageUrl(JsonGenerator out, ImageUrl imageUrl) throws IOException {
        out.writeStartObject();
        JsonOut.string(out, "url", imageUrl.url(), imageUrl.nulls());
        JsonOut.string(out, "detail", imageUrl.detail(), imageUrl.nulls());
        JsonOut.string(out, "media_type", imageUrl.mediaType(), imageUrl.nulls());
        JsonOut.extra(out, imageUrl.extra(), IMAGE_URL);
        out.writeEndObject();
    }

    private static InputAudio readInputAudio(JsonIn in) throws IOException {
        if (!in.startObject("an input_audio object")) {
            return null;
        }
        String data = null;
        String format = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "data" -> data = in.string();
                case "format" -> format = in.string();
                default -> extra = in.unknown(extra, name);
            }
            nulls = in.nulls(nulls, ExplicitNulls.INPUT_AUDIO, name);
        }
        return new InputAudio(data, format, extra, ExplicitNulls.INPUT_AUDIO.set(nulls));
    }

    private static void writeInputAudio(JsonGenerator out, InputAudio inputAudio) throws IOException {
        out.writeStartObject();
        JsonOut.string(out, "data", inputAudio.data(), inputAudio.nulls());
        JsonOut.string(out, "format", inputAudio.format(), inputAudio.nulls());
        JsonOut.extra(out, inputAudio.extra(), INPUT_AUDIO);
        out.writeEndObject();
    }

    // ---- tool calls

    static ToolCall readToolCall(JsonIn in) throws IOException {
        if (!in.startObject("a tool call object")) {
            return null;
        }
        String id = null;
        String type = null;
        FunctionCall function = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "id" -> id = in.string();
                case "type" -> type = in.string();
                case "function" -> function = readFunctionCall(in);
                default -> extra = in.unknown(extra, name);
            }
            nulls = in.nulls(nulls, ExplicitNulls.TOOL_CALL, name);
        }
        return new ToolCall(id, type, function, extra, ExplicitNulls.TOOL_CALL.set(nulls));
    }

    static void writeToolCall(JsonGenerator out, ToolCall call) throws IOException {
        out.writeStartObject();
        JsonOut.string(out, "id", call.id(), call.nulls());
        JsonOut.string(out, "type", call.type(), call.nulls());
        JsonOut.object(out, "function", call.function(), MessageCodec::writeFunctionCall, call.nulls());
        JsonOut.extra(out, call.extra(), TOOL_CALL);
        out.writeEndObject();
    }

    /** {@code arguments} is a JSON text inside a string and stays a string: it is never parsed. */
    static FunctionCall readFunctionCall(JsonIn in) throws IOException {
        if (!in.startObject("a function call object")) {
            return null;
        }
        String name = null;
        String arguments = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String member = in.nextField(); member != null; member = in.nextField()) {
            switch (member) {
                case "name" -> name = in.string();
                case "arguments" -> arguments = in.string();
                default -> extra = in.unknown(extra, member);
            }
            nulls = in.nulls(nulls, ExplicitNulls.FUNCTION_CALL, member);
        }
        return new FunctionCall(name, arguments, extra, ExplicitNulls.FUNCTION_CALL.set(nulls));
    }

    static void writeFunctionCall(JsonGenerator out, FunctionCall function) throws IOException {
        out.writeStartObject();
        JsonOut.string(out, "name", function.name(), function.nulls());
        JsonOut.string(out, "arguments", function.arguments(), function.nulls());
        JsonOut.extra(out, function.extra(), FUNCTION_CALL);
        out.writeEndObject();
    }
}
