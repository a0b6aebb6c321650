package dev.gomodel.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A message's {@code content}: either a plain string or a list of typed parts. A message whose
 * content is JSON {@code null} has a {@code null} {@link Message#content()}.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Content permits Content.Text, Content.Parts {

    /** Content as a string; {@code ""} stays {@code ""} on the wire. */
    static Content text(String text) {
        return new Text(text);
    }

    /** Content as a list of parts. */
    static Content parts(List<ContentPart> parts) {
        return new Parts(parts);
    }

    /** Content as a list of parts. */
    static Content parts(ContentPart... parts) {
        return new Parts(Arrays.asList(Objects.requireNonNull(parts, "parts")));
    }

    /** The text of this content: the string itself, or the text parts joined without separator. */
    String asText();

    /** String content. */
    record Text(String text) implements Content {
        public Text {
            Objects.requireNonNull(text,
                    "text is required: expected a string (a message without content has null content)");
        }

        @Override
        public String asText() {
            return text;
        }
    }

    /** Multi-part content (text, images, audio, or parts this library does not know). */
    record Parts(List<ContentPart> parts) implements Content {
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
