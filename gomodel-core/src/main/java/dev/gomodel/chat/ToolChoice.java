package dev.gomodel.chat;

import java.util.Objects;

/**
 * The request's {@code tool_choice}: a mode string ({@code "auto"}, {@code "none"},
 * {@code "required"}), a named function, or any other object an upstream accepts.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ToolChoice permits ToolChoice.Mode, ToolChoice.Function, ToolChoice.Other {

    /** Let the model decide. */
    ToolChoice AUTO = new Mode("auto");
    /** Never call a tool. */
    ToolChoice NONE = new Mode("none");
    /** Call at least one tool. */
    ToolChoice REQUIRED = new Mode("required");

    /** Force a call of the named function. */
    static ToolChoice function(String name) {
        return new Function(name);
    }

    /** {@code tool_choice} as a string. */
    record Mode(String mode) implements ToolChoice {
        public Mode {
            Objects.requireNonNull(mode, "mode is required: expected \"auto\", \"none\" or \"required\"");
        }
    }

    /** {@code {"type": "function", "function": {"name": ...}}}. */
    record Function(String name) implements ToolChoice {
        public Function {
            Objects.requireNonNull(name, "name is required: expected the name of the function to call");
        }
    }

    /** Any other {@code tool_choice} object, kept as sent. */
    record Other(JsonValue value) implements ToolChoice {
        public Other {
            Objects.requireNonNull(value, "value is required: expected a tool_choice JSON object");
        }
    }
}
