package dev.gomodel.chat;

import dev.gomodel.internal.json.ExplicitNulls;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One part of a multi-part message content, told apart by its {@code type} member.
 *
 * <p>Parts of a type this library does not know are kept whole as {@link OtherPart}.
 * Immutable and thread-safe.
 */
public sealed interface ContentPart permits ContentPart.TextPart, ContentPart.ImagePart, ContentPart.AudioPart,
        ContentPart.ThinkingPart, ContentPart.OtherPart {

    /**
     * Names the kind of this part.
     *
     * @return the part's {@code type} member: {@code "text"}, {@code "image_url"},
     *     {@code "input_audio"}, {@code "thinking"}, or for an {@link OtherPart} whatever type it
     *     came with
     */
    String type();

    /**
     * A text part.
     *
     * @param text the text; required when the part is sent in a request
     * @return a {@code {"type": "text"}} part
     */
    static TextPart text(String text) {
        return new TextPart(text, Map.of());
    }

    /**
     * An image part from a URL or a {@code data:} URL, with no {@code detail} or media type.
     *
     * @param url an http(s) URL or a {@code data:image/...;base64,...} URL
     * @return an {@code {"type": "image_url"}} part
     */
    static ImagePart imageUrl(String url) {
        return new ImagePart(new ImageUrl(url, null, null, Map.of()), Map.of());
    }

    /**
     * An audio part from base64 data in a format such as {@code wav} or {@code mp3}.
     *
     * @param base64Data the audio, base64-encoded
     * @param format the audio's format, such as {@code "wav"}
     * @return an {@code {"type": "input_audio"}} part
     */
    static AudioPart inputAudio(String base64Data, String format) {
        return new AudioPart(new InputAudio(base64Data, format, Map.of()), Map.of());
    }

    /**
     * {@code {"type": "text", "text": ...}}.
     *
     * @param text the text; a request's text part must have one
     * @param extra the members this record does not know, in the order they came
     * @param nulls the members above that were explicitly {@code null}; never {@code null}
     */
    record TextPart(String text, Map<String, JsonValue> extra, Set<String> nulls) implements ContentPart {
        /**
         * Copies {@code extra}; {@code null} is taken as empty.
         *
         * @param text the text
         * @param extra unknown members, or {@code null} for none
         * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
         *     member that has a value here is dropped from it
         * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
         */
        public TextPart {
            extra = Copies.extra(extra);
            nulls = ExplicitNulls.TEXT_PART.normalize(nulls, text != null ? 1 : 0);
        }

        /**
         * A text part with no member explicitly {@code null}.
         *
         * @param text the text
         * @param extra unknown members, or {@code null} for none
         */
        public TextPart(String text, Map<String, JsonValue> extra) {
            this(text, extra, Set.of());
        }

        @Override
        public String type() {
            return "text";
        }
    }

    /**
     * {@code {"type": "image_url", "image_url": {...}}}.
     *
     * @param imageUrl the image reference; a request's image part must have one with a URL
     * @param extra the members this record does not know, in the order they came
     * @param nulls the members above that were explicitly {@code null}; never {@code null}
     */
    record ImagePart(ImageUrl imageUrl, Map<String, JsonValue> extra, Set<String> nulls) implements ContentPart {
        /**
         * Copies {@code extra}; {@code null} is taken as empty.
         *
         * @param imageUrl the image reference
         * @param extra unknown members, or {@code null} for none
         * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
         *     member that has a value here is dropped from it
         * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
         */
        public ImagePart {
            extra = Copies.extra(extra);
            nulls = ExplicitNulls.IMAGE_PART.normalize(nulls, imageUrl != null ? 1 : 0);
        }

        /**
         * An image part with no member explicitly {@code null}.
         *
         * @param imageUrl the image reference
         * @param extra unknown members, or {@code null} for none
         */
        public ImagePart(ImageUrl imageUrl, Map<String, JsonValue> extra) {
            this(imageUrl, extra, Set.of());
        }

        @Override
        public String type() {
            return "image_url";
        }
    }

    /**
     * {@code {"type": "input_audio", "input_audio": {...}}}.
     *
     * @param inputAudio the audio; a request's audio part must have one with data and format
     * @param extra the members this record does not know, in the order they came
     * @param nulls the members above that were explicitly {@code null}; never {@code null}
     */
    record AudioPart(InputAudio inputAudio, Map<String, JsonValue> extra, Set<String> nulls) implements ContentPart {
        /**
         * Copies {@code extra}; {@code null} is taken as empty.
         *
         * @param inputAudio the audio
         * @param extra unknown members, or {@code null} for none
         * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
         *     member that has a value here is dropped from it
         * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
         */
        public AudioPart {
            extra = Copies.extra(extra);
            nulls = ExplicitNulls.AUDIO_PART.normalize(nulls, inputAudio != null ? 1 : 0);
        }

        /**
         * An audio part with no member explicitly {@code null}.
         *
         * @param inputAudio the audio
         * @param extra unknown members, or {@code null} for none
         */
        public AudioPart(InputAudio inputAudio, Map<String, JsonValue> extra) {
            this(inputAudio, extra, Set.of());
        }

        @Override
        public String type() {
            return "input_audio";
        }
    }

    /**
     * {@code {"type": "thinking", "thinking": ...}}: the model's reasoning as a part of the
     * content, as reasoning models of Mistral return it ({@code "thinking"} is a list of text
     * parts there) and some upstreams pass Anthropic's thinking blocks on ({@code "thinking"} a
     * string, with a {@code signature} kept in {@code extra}). Its text is not part of
     * {@link Content#asText()}, which reads the answer; {@link #text()} reads it.
     *
     * @param thinking the reasoning: a string or a list of parts, or {@code null} when absent
     * @param extra the members this record does not know, in the order they came
     * @param nulls the members above that were explicitly {@code null}; never {@code null}
     */
    record ThinkingPart(Content thinking, Map<String, JsonValue> extra, Set<String> nulls) implements ContentPart {
        /**
         * Copies {@code extra}; {@code null} is taken as empty.
         *
         * @param thinking the reasoning, or {@code null}
         * @param extra unknown members, or {@code null} for none
         * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
         *     member that has a value here is dropped from it
         * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
         */
        public ThinkingPart {
            extra = Copies.extra(extra);
            nulls = ExplicitNulls.THINKING_PART.normalize(nulls, thinking != null ? 1 : 0);
        }

        @Override
        public String type() {
            return "thinking";
        }

        /**
         * Reads the reasoning as text.
         *
         * @return the string, or the text of the text parts joined without separator; {@code ""}
         *     when there is no {@code thinking} member
         */
        public String text() {
            return thinking == null ? "" : thinking.asText();
        }
    }

    /**
     * A part of a type this library does not model, kept so it is written back unchanged.
     *
     * @param type the part's {@code type} member, such as {@code "file"}; not blank in a request
     * @param members every member of the part but {@code type}, in the order they came
     */
    record OtherPart(String type, Map<String, JsonValue> members) implements ContentPart {
        /**
         * Copies {@code members}; {@code null} is taken as empty.
         *
         * @param type the part's type
         * @param members the other members, or {@code null} for none
         * @throws NullPointerException if {@code type}, or a member's name or value, is {@code null}
         */
        public OtherPart {
            Objects.requireNonNull(type, "type");
            members = Copies.extra(members);
        }
    }

    /**
     * An image reference: {@code url} (http(s) or {@code data:} URL), optional {@code detail}
     * ({@code auto}, {@code low}, {@code high}) and {@code media_type}.
     *
     * @param url an http(s) or {@code data:} URL; required in a request
     * @param detail the {@code detail} level, or {@code null} when absent
     * @param mediaType the {@code media_type}, such as {@code "image/png"}, or {@code null}
     * @param extra the members this record does not know, in the order they came
     * @param nulls the members above that were explicitly {@code null}; never {@code null}
     */
    record ImageUrl(String url, String detail, String mediaType, Map<String, JsonValue> extra, Set<String> nulls) {
        /**
         * Copies {@code extra}; {@code null} is taken as empty.
         *
         * @param url the URL
         * @param detail the detail level, or {@code null}
         * @param mediaType the media type, or {@code null}
         * @param extra unknown members, or {@code null} for none
         * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
         *     member that has a value here is dropped from it
         * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
         */
        public ImageUrl {
            extra = Copies.extra(extra);
            nulls = ExplicitNulls.IMAGE_URL.normalize(nulls,
                    (url != null ? 1 : 0) | (detail != null ? 2 : 0) | (mediaType != null ? 4 : 0));
        }

        /**
         * An image reference with no member explicitly {@code null}.
         *
         * @param url the URL
         * @param detail the detail level, or {@code null}
         * @param mediaType the media type, or {@code null}
         * @param extra unknown members, or {@code null} for none
         */
        public ImageUrl(String url, String detail, String mediaType, Map<String, JsonValue> extra) {
            this(url, detail, mediaType, extra, Set.of());
        }
    }

    /**
     * Base64 audio {@code data} with its {@code format}.
     *
     * @param data the audio, base64-encoded; required in a request
     * @param format the audio format, such as {@code "wav"} or {@code "mp3"}; required in a request
     * @param extra the members this record does not know, in the order they came
     * @param nulls the members above that were explicitly {@code null}; never {@code null}
     */
    record InputAudio(String data, String format, Map<String, JsonValue> extra, Set<String> nulls) {
        /**
         * Copies {@code extra}; {@code null} is taken as empty.
         *
         * @param data the base64 audio
         * @param format the audio format
         * @param extra unknown members, or {@code null} for none
         * @param nulls the members that are explicitly {@code null}, or {@code null} for none; a
         *     member that has a value here is dropped from it
         * @throws IllegalArgumentException if {@code nulls} names a member this record does not model
         */
        public InputAudio {
            extra = Copies.extra(extra);
            nulls = ExplicitNulls.INPUT_AUDIO.normalize(nulls, (data != null ? 1 : 0) | (format != null ? 2 : 0));
        }

        /**
         * Audio with no member explicitly {@code null}.
         *
         * @param data the base64 audio
         * @param format the audio format
         * @param extra unknown members, or {@code null} for none
         */
        public InputAudio(String data, String format, Map<String, JsonValue> extra) {
            this(data, format, extra, Set.of());
        }
    }
}
