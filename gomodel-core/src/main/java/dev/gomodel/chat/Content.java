package dev.gomodel.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The {@code content} of a message or a stream delta (or the {@code thinking} of a thinking
 * part): either a plain string or a list of typed parts. A message whose
 * content is JSON {@code null} has a {@code null} {@link Message#content()}.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Content permits Content.Text, Content.Parts {

    /**
     * Content as a string; {@code ""} stays {@code ""} on the wire.
     *
     * @param text the text
     * @return a {@link Text}
     * @throws NullPointerException if {@code text} is {@code null}: a message without content has
     *     {@code null} content instead
     */
    static Content text(String text) {
        return new Text(text);
    }

    /**
     * Content as a list of parts.
     *
     * @param parts the parts, in order; copied
     * @return a {@link Parts}
     * @throws NullPointerException if {@code parts} is {@code null}
     */
    static Content parts(List<ContentPart> parts) {
        return new Parts(parts);
    }

    /**
     * Content as a list of parts.
     *
     * @param parts the parts, in order; copied
     * @return a {@link Parts}
     * @throws NullPointerException if {@code parts} is {@code null}
     */
    static Content parts(ContentPart... parts) {
        return new Parts(Arrays.asList(Objects.requireNonNull(parts, "parts")));
    }

    /**
     * Reads this content as text.
     *
     * @return the string itself, or the text of the text parts joined without separator ({@code ""}
     *     when there is none); never {@code null}
     */
    String asText();

    /**
     * String content.
     *
     * @param text the string, never {@code null}
     */
    record Text(String text) implements Content {
        /**
         * Checks the text is present.
         *
         * @param text the string; {@code ""} is allowed
         * @throws NullPointerException if {@code text} is {@code null}
         */
        public Text {
            Objects.requireNonNull(text,
                    "text is required: expected a string (a message without content has null content)");
        }

        @Override
        public String asText() {
            return text;
        }
    }

    /**
     * Multi-part content (text, images, audio, or parts this library does not know).
     *
     * @param parts the parts, in order; unmodifiable
     */
    record Parts(List<ContentPart> parts) implements Content {
        /**
         * Copies the parts. A {@code null} part is kept, so that building a {@link ChatRequest}
         * can reject it naming its JSON path.
         *
         * @param parts the parts
         * @throws NullPointerException if {@code parts} is {@code null}
         */
        public Parts {
            parts = Copies.requestList(Objects.requireNonNull(parts, "parts"));
        }

        @Override
        public String asText() {
            StringBuilder text = new StringBuilder();
            for (ContentPart part : parts) {
                if (part instanceof ContentPart.TextPart textPart && textPart.text() != null) {
                    text.append(textPart.text());
                }
            }
            return text.toString();
        }
    }
}
