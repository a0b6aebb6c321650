package dev.gomodel.chat;

import java.util.Map;
import java.util.Objects;

/**
 * One part of a multi-part message content, told apart by its {@code type} member.
 *
 * <p>Parts of a type this library does not know are kept whole as {@link OtherPart}.
 * Immutable and thread-safe.
 */
public sealed interface ContentPart
        permits ContentPart.TextPart, ContentPart.ImagePart, ContentPart.AudioPart, ContentPart.OtherPart {

    /** The part's {@code type} member. */
    String type();

    /** A text part. */
    static TextPart text(String text) {
        return new TextPart(text, Map.of());
    }

    /** An image part from a URL or a {@code data:} URL. */
    static ImagePart imageUrl(String url) {
        return new ImagePart(new ImageUrl(url, null, null, Map.of()), Map.of());
    }

    /** An audio part from base64 data in a format such as {@code wav} or {@code mp3}. */
    static AudioPart inputAudio(String base64Data, String format) {
        return new AudioPart(new InputAudio(base64Data, format, Map.of()), Map.of());
    }

    /** {@code {"type": "text", "text": ...}}. */
    record TextPart(String text, Map<String, JsonValue> extra) implements ContentPart {
        public TextPart {
            extra = Copies.extra(extra);
        }

        @Override
        public String type() {
            return "text";
        }
    }

    /** {@code {"type": "image_url", "image_url": {...}}}. */
    record ImagePart(ImageUrl imageUrl, Map<String, JsonValue> extra) implements ContentPart {
        public ImagePart {
            extra = Copies.extra(extra);
        }

        @Override
        public String type() {
            return "image_url";
        }
    }

    /** {@code {"type": "input_audio", "input_audio": {...}}}. */
    record AudioPart(InputAudio inputAudio, Map<String, JsonValue> extra) implements ContentPart {
        public AudioPart {
            extra = Copies.extra(extra);
        }

        @Override
        public String type() {
            return "input_audio";
        }
    }

    /** A part of a type this library does not model; {@code members} holds every member but {@code type}. */
    record OtherPart(String type, Map<String, JsonValue> members) implements ContentPart {
        public OtherPart {
            Objects.requireNonNull(type, "type");
            members = Copies.extra(members);
        }
    }

    /**
     * An image reference: {@code url} (http(s) or {@code data:} URL), optional {@code detail}
     * ({@code auto}, {@code low}, {@code high}) and {@code media_type}.
     */
    record ImageUrl(String url, String detail, String mediaType, Map<String, JsonValue> extra) {
        public ImageUrl {
            extra = Copies.extra(extra);
        }
    }

    /** Base64 audio {@code data} with its {@code format}. */
    record InputAudio(String data, String format, Map<String, JsonValue> extra) {
        public InputAudio {
            extra = Copies.extra(extra);
        }
    }
}
