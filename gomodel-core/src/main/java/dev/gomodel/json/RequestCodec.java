package dev.gomodel.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.FunctionDefinition;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Message;
import dev.gomodel.chat.Reasoning;
import dev.gomodel.chat.StreamOptions;
import dev.gomodel.chat.Tool;
import dev.gomodel.chat.ToolChoice;
import dev.gomodel.internal.json.ExplicitNulls;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Requests and their options: tools, {@code tool_choice}, {@code stream_options}, {@code reasoning}.
 *
 * <p>{@code provider} is read by its JSON type: a string (or {@code null}) is the routing hint,
 * any other value an upstream's own member (OpenRouter's routing preferences object), kept in
 * {@code extra} and written back from there.
 */
final class RequestCodec {

    /** The members a request writes from its components; {@code provider} in {@code extra} is written from there. */
    private static final Set<String> REQUEST = Set.of("model", "messages", "max_tokens", "temperature", "tools",
            "tool_choice", "parallel_tool_calls", "stream", "stream_options", "reasoning");
    private static final Set<String> TOOL = Set.of("type", "function");
    private static final Set<String> FUNCTION_DEFINITION = Set.of("name", "description", "parameters", "strict");
    private static final Set<String> STREAM_OPTIONS = Set.of("include_usage");
    private static final Set<String> REASONING = Set.of("effort");

    private RequestCodec() {
    }

    static ChatRequest readRequest(JsonIn in) throws IOException {
        in.requireObject("a request object");
        String model = null;
        List<Message> messages = null;
        Integer maxTokens = null;
        Double temperature = null;
        List<Tool> tools = null;
        ToolChoice toolChoice = null;
        Boolean parallelToolCalls = null;
        Boolean stream = null;
        StreamOptions streamOptions = null;
        Reasoning reasoning = null;
        String provider = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (name.equals("provider") && in.token() != JsonToken.VALUE_STRING && in.token() != JsonToken.VALUE_NULL) {
                provider = null;
                extra = in.unknown(extra, name);
                nulls = in.nulls(nulls, ExplicitNulls.REQUEST, name);
                continue;
            }
            switch (name) {
                case "model" -> model = in.string();
                case "messages" -> messages = in.array("a message object", MessageCodec::readMessage);
                case "max_tokens" -> maxTokens = in.integer();
                case "temperature" -> temperature = in.number();
                case "tools" -> tools = in.array("a tool object", RequestCodec::readTool);
                case "tool_choice" -> toolChoice = readToolChoice(in);
                case "parallel_tool_calls" -> parallelToolCalls = in.bool();
                case "stream" -> stream = in.bool();
                case "stream_options" -> streamOptions = readStreamOptions(in);
                case "reasoning" -> reasoning = readReasoning(in);
                case "provider" -> provider = in.string();
                default -> extra = in.unknown(extra, name);
            }
            nulls = in.nulls(nulls, ExplicitNulls.REQUEST, name);
        }
        return new ChatRequest(model, messages, maxTokens, temperature, tools, toolChoice, parallelToolCalls, stream,
                streamOptions, reasoning, provider, extra, ExplicitNulls.REQUEST.set(nulls));
    }

    /**
     * {@code messages} is left out when there are none (a request with OpenRouter's
     * {@code prompt} instead), unless it is explicitly {@code null}.
     */
    static void writeRequest(JsonGenerator out, ChatRequest request) throws IOException {
        Set<String> nulls = request.nulls();
        out.writeStartObject();
        JsonOut.string(out, "model", request.model(), nulls);
        JsonOut.array(out, "messages", request.messages().isEmpty() ? null : request.messages(),
                MessageCodec::writeMessage, nulls);
        JsonOut.integer(out, "max_tokens", request.maxTokens(), nulls);
        JsonOut.number(out, "temperature", request.temperature(), nulls);
        JsonOut.array(out, "tools", request.tools(), RequestCodec::writeTool, nulls);
        JsonOut.object(out, "tool_choice", request.toolChoice(), RequestCodec::writeToolChoice, nulls);
        JsonOut.bool(out, "parallel_tool_calls", request.parallelToolCalls(), nulls);
        JsonOut.bool(out, "stream", request.stream(), nulls);
        JsonOut.object(out, "stream_options", request.streamOptions(), RequestCodec::writeStreamOptions, nulls);
        JsonOut.object(out, "reasoning", request.reasoning(), RequestCodec::writeReasoning, nulls);
        JsonOut.string(out, "provider", request.provider(), nulls);
        JsonOut.extra(out, request.extra(), REQUEST);
        out.writeEndObject();
    }

    // ---- tools

    private static Tool readTool(JsonIn in) throws IOException {
        if (!in.startObject("a tool object")) {
            return null;
        }
        String type = null;
        FunctionDefinition function = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case "type" -> type = in.string();
                case "function" -> function = readFunctionDefinition(in);
                default -> extra = in.unknown(extra, name);
            }
            nulls = in.nulls(nulls, ExplicitNulls.TOOL, name);
        }
        return new Tool(type, function, extra, ExplicitNulls.TOOL.set(nulls));
    }

    private static void writeTool(JsonGenerator out, Tool tool) throws IOException {
        out.writeStartObject();
        JsonOut.string(out, "type", tool.type(), tool.nulls());
        JsonOut.object(out, "function", tool.function(), RequestCodec::writeFunctionDefinition, tool.nulls());
        JsonOut.extra(out, tool.extra(), TOOL);
        out.writeEndObject();
    }

    /** {@code parameters} is kept as a {@link JsonValue}: a JSON Schema is passed on, never interpreted. */
    private static FunctionDefinition readFunctionDefinition(JsonIn in) throws IOException {
        if (!in.startObject("a function object")) {
            return null;
        }
        String name = null;
        String description = null;
        JsonValue parameters = null;
        Boolean strict = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String member = in.nextField(); member != null; member = in.nextField()) {
            switch (member) {
                case "name" -> name = in.string();
                case "description" -> description = in.string();
                case "parameters" -> parameters = in.value();
                case "strict" -> strict = in.bool();
                default -> extra = in.unknown(extra, member);
            }
            nulls = in.nulls(nulls, ExplicitNulls.FUNCTION_DEFINITION, member);
        }
        return new FunctionDefinition(name, description, parameters, strict, extra,
                ExplicitNulls.FUNCTION_DEFINITION.set(nulls));
    }

    private static void writeFunctionDefinition(JsonGenerator out, FunctionDefinition function) throws IOException {
        out.writeStartObject();
        JsonOut.string(out, "name", function.name(), function.nulls());
        JsonOut.string(out, "description", function.description(), function.nulls());
        JsonOut.raw(out, "parameters", function.parameters());
        JsonOut.bool(out, "strict", function.strict(), function.nulls());
        JsonOut.extra(out, function.extra(), FUNCTION_DEFINITION);
        out.writeEndObject();
    }

    // ---- tool_choice

    /**
     * A string is a {@link ToolChoice.Mode}; an object of exactly the shape
     * {@code {"type": "function", "function": {"name": ...}}} a {@link ToolChoice.Function}; any
     * other object is kept whole as {@link ToolChoice.Other}.
     */
    private static ToolChoice readToolChoice(JsonIn in) throws IOException {
        switch (in.token()) {
            case VALUE_NULL:
                return null;
            case VALUE_STRING:
                return new ToolChoice.Mode(in.parser().getText());
            case START_OBJECT:
                JsonValue value = in.value();
                String function = Json.readNested(value.json(), in.path(), RequestCodec::functionChoiceName);
                return function != null ? new ToolChoice.Function(function) : new ToolChoice.Other(value);
            default:
                throw in.mismatch("a string, an object or null");
        }
    }

    /** The name when the object is exactly a function choice, else {@code null}. */
    private static String functionChoiceName(JsonIn in) throws IOException {
        JsonParser parser = in.parser();
        boolean typeIsFunction = false;
        String name = null;
        int members = 0;
        for (String member = in.nextField(); member != null; member = in.nextField()) {
            members++;
            if (member.equals("type") && in.token() == JsonToken.VALUE_STRING) {
                typeIsFunction = parser.getText().equals("function");
            } else if (member.equals("function") && in.token() == JsonToken.START_OBJECT) {
                name = soleName(in);
            } else {
                parser.skipChildren();
            }
        }
        return typeIsFunction && members == 2 ? name : null;
    }

    /** The string {@code name} of an object that has no other member, else {@code null}. */
    private static String soleName(JsonIn in) throws IOException {
        String name = null;
        int members = 0;
        for (String member = in.nextField(); member != null; member = in.nextField()) {
            members++;
            if (member.equals("name") && in.token() == JsonToken.VALUE_STRING) {
                name = in.parser().getText();
            } else {
                in.parser().skipChildren();
            }
        }
        return members == 1 ? name : null;
    }

    private static void writeToolChoice(JsonGenerator out, ToolChoice choice) throws IOException {
        if (choice instanceof ToolChoice.Mode mode) {
            out.writeString(mode.mode());
        } else if (choice instanceof ToolChoice.Function function) {
            out.writeStartObject();
            out.writeStringField("type", "function");
            out.writeObjectFieldStart("function");
            out.writeStringField("name", function.name());
            out.writeEndObject();
            out.writeEndObject();
        } else if (choice instanceof ToolChoice.Other other) {
            out.writeRawValue(other.value().json());
        }
    }

    // ---- stream_options, reasoning

    private static StreamOptions readStreamOptions(JsonIn in) throws IOException {
        if (!in.startObject("a stream_options object")) {
            return null;
        }
        Boolean includeUsage = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (name.equals("include_usage")) {
                includeUsage = in.bool();
            } else {
                extra = in.unknown(extra, name);
            }
            nulls = in.nulls(nulls, ExplicitNulls.STREAM_OPTIONS, name);
        }
        return new StreamOptions(includeUsage, extra, ExplicitNulls.STREAM_OPTIONS.set(nulls));
    }

    private static void writeStreamOptions(JsonGenerator out, StreamOptions options) throws IOException {
        out.writeStartObject();
        JsonOut.bool(out, "include_usage", options.includeUsage(), options.nulls());
        JsonOut.extra(out, options.extra(), STREAM_OPTIONS);
        out.writeEndObject();
    }

    private static Reasoning readReasoning(JsonIn in) throws IOException {
        if (!in.startObject("a reasoning object")) {
            return null;
        }
        String effort = null;
        Map<String, JsonValue> extra = null;
        int nulls = 0;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (name.equals("effort")) {
                effort = in.string();
            } else {
                extra = in.unknown(extra, name);
            }
            nulls = in.nulls(nulls, ExplicitNulls.REASONING, name);
        }
        return new Reasoning(effort, extra, ExplicitNulls.REASONING.set(nulls));
    }

    private static void writeReasoning(JsonGenerator out, Reasoning reasoning) throws IOException {
        out.writeStartObject();
        JsonOut.string(out, "effort", reasoning.effort(), reasoning.nulls());
        JsonOut.extra(out, reasoning.extra(), REASONING);
        out.writeEndObject();
    }
}
