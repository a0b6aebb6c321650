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

    /**
     * Force a call of the named function.
     *
     * @param name the function's name, as in its {@link FunctionDefinition#name()}
     * @return a {@link Function} choice
     * @throws NullPointerException if {@code name} is {@code null}
     */
    static ToolChoice function(String name) {
        return new Function(name);
    }

    /**
     * {@code tool_choice} as a string.
     *
     * @param mode {@code "auto"}, {@code "none"}, {@code "required"} or another mode the upstream
     *     accepts; not blank in a request
     */
    record Mode(String mode) implements ToolChoice {
        /**
         * Checks the mode is present.
         *
         * @param mode the mode
         * @throws NullPointerException if {@code mode} is {@code null}
         */
        public Mode {
            Objects.requireNonNull(mode, "mode is required: expected \"auto\", \"none\" or \"required\"");
        }
    }

    /**
     * {@code {"type": "function", "function": {"name": ...}}}.
     *
     * @param name the name of the function to call; not blank in a request
     */
    record Function(String name) implements ToolChoice {
        /**
         * Checks the name is present.
         *
         * @param name the function's name
         * @throws NullPointerException if {@code name} is {@code null}
         */
        public Function {
            Objects.requireNonNull(name, "name is required: expected the name of the function to call");
        }
    }

    /**
     * Any other {@code tool_choice} object, kept as sent.
     *
     * @param value the whole {@code tool_choice} value; must be a JSON object in a request
     */
    record Other(JsonValue value) implements ToolChoice {
        /**
         * Checks the value is present.
         *
         * @param value the value
         * @throws NullPointerException if {@code value} is {@code null}
         */
        public Other {
            Objects.requireNonNull(value, "value is required: expected a tool_choice JSON object");
        }
    }
}
