package dev.gomodel.internal.json;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The members of one record of the wire model that can be explicitly {@code null}, and the
 * immutable sets of them that the record's {@code nulls} component holds.
 *
 * <p>Member {@code i} of a table is bit {@code 1 << i}. The codec collects a JSON object's
 * explicit nulls as such bits while it reads the object ({@link #track}) and turns them into a
 * set once ({@link #set}); the sets are made once per combination and shared, so reading
 * {@code "finish_reason": null} on every chunk of a stream allocates nothing. A record's compact
 * constructor passes its {@code nulls} through {@link #normalize}, which keeps only the members
 * whose component is unset (the value wins), refuses a name that is not a member, and returns
 * one of these shared sets.
 *
 * <p>The tables below are the one list of each record's nullable members: free-form members
 * ({@code logprobs}, {@code parameters}, {@code raw_usage}) are not among them, as they hold a
 * JSON null as {@code JsonValue.NULL} themselves. Immutable and thread-safe.
 */
public final class ExplicitNulls {

    /** {@code ChatRequest}. */
    public static final ExplicitNulls REQUEST = new ExplicitNulls("a request", "model", "messages", "max_tokens",
            "temperature", "tools", "tool_choice", "parallel_tool_calls", "stream", "stream_options", "reasoning",
            "provider");
    /** {@code Message}. */
    public static final ExplicitNulls MESSAGE = new ExplicitNulls("a message", "role", "content", "reasoning_content",
            "tool_call_id", "tool_calls");
    /** {@code ContentPart.TextPart}. */
    public static final ExplicitNulls TEXT_PART = new ExplicitNulls("a text part", "text");
    /** {@code ContentPart.ImagePart}. */
    public static final ExplicitNulls IMAGE_PART = new ExplicitNulls("an image_url part", "image_url");
    /** {@code ContentPart.AudioPart}. */
    public static final ExplicitNulls AUDIO_PART = new ExplicitNulls("an input_audio part", "input_audio");
    /** {@code ContentPart.ThinkingPart}. */
    public static final ExplicitNulls THINKING_PART = new ExplicitNulls("a thinking part", "thinking");
    /** {@code ContentPart.ImageUrl}. */
    public static final ExplicitNulls IMAGE_URL = new ExplicitNulls("an image_url", "url", "detail", "media_type");
    /** {@code ContentPart.InputAudio}. */
    public static final ExplicitNulls INPUT_AUDIO = new ExplicitNulls("an input_audio", "data", "format");
    /** {@code ToolCall}. */
    public static final ExplicitNulls TOOL_CALL = new ExplicitNulls("a tool call", "id", "type", "function");
    /** {@code FunctionCall}. */
    public static final ExplicitNulls FUNCTION_CALL = new ExplicitNulls("a function call", "name", "arguments");
    /** {@code Tool}. */
    public static final ExplicitNulls TOOL = new ExplicitNulls("a tool", "type", "function");
    /** {@code FunctionDefinition}; {@code parameters} is free-form. */
    public static final ExplicitNulls FUNCTION_DEFINITION = new ExplicitNulls("a function definition", "name",
            "description", "strict");
    /** {@code StreamOptions}. */
    public static final ExplicitNulls STREAM_OPTIONS = new ExplicitNulls("stream_options", "include_usage");
    /** {@code Reasoning}. */
    public static final ExplicitNulls REASONING = new ExplicitNulls("reasoning", "effort");
    /** {@code ChatCompletion} and {@code ChatCompletionChunk}, which share their top-level members. */
    public static final ExplicitNulls RESPONSE = new ExplicitNulls("a completion or chunk", "id", "object", "created",
            "model", "provider", "system_fingerprint", "choices", "usage");
    /** {@code Choice}; {@code logprobs} is free-form. */
    public static final ExplicitNulls CHOICE = new ExplicitNulls("a choice", "index", "message", "finish_reason");
    /** {@code ChatCompletionChunk.ChunkChoice}; {@code logprobs} is free-form. */
    public static final ExplicitNulls CHUNK_CHOICE = new ExplicitNulls("a chunk choice", "index", "delta",
            "finish_reason");
    /** {@code ChatCompletionChunk.Delta}. */
    public static final ExplicitNulls DELTA = new ExplicitNulls("a delta", "role", "content", "reasoning_content",
            "tool_calls");
    /** {@code ChatCompletionChunk.ToolCallDelta}. */
    public static final ExplicitNulls TOOL_CALL_DELTA = new ExplicitNulls("a tool call fragment", "index", "id",
            "type", "function");
    /** {@code Usage}; {@code raw_usage} is free-form. */
    public static final ExplicitNulls USAGE = new ExplicitNulls("usage", "prompt_tokens", "completion_tokens",
            "total_tokens", "prompt_tokens_details", "completion_tokens_details");
    /** {@code Usage.PromptTokensDetails}. */
    public static final ExplicitNulls PROMPT_TOKENS_DETAILS = new ExplicitNulls("prompt_tokens_details",
            "cached_tokens", "audio_tokens", "text_tokens", "image_tokens");
    /** {@code Usage.CompletionTokensDetails}. */
    public static final ExplicitNulls COMPLETION_TOKENS_DETAILS = new ExplicitNulls("completion_tokens_details",
            "reasoning_tokens", "audio_tokens", "accepted_prediction_tokens", "rejected_prediction_tokens");

    private final String what;
    private final String[] names;
    /** The set of each combination of bits, made when first asked for; a race makes two equal sets. */
    private final Set<String>[] sets;

    @SuppressWarnings("unchecked")
    private ExplicitNulls(String what, String... names) {
        this.what = what;
        this.names = names;
        this.sets = (Set<String>[]) new Set<?>[1 << names.length];
        sets[0] = Set.of();
    }

    /**
     * The member's bit, or 0 when {@code name} is not a nullable member of this record.
     *
     * @param name a JSON member name
     * @return {@code 1 << i} for the member at index {@code i}, else 0
     */
    public int bit(String name) {
        for (int i = 0; i < names.length; i++) {
            // Jackson interns member names, and the sets hold these very strings: identity usually decides.
            if (names[i] == name || names[i].equals(name)) {
                return 1 << i;
            }
        }
        return 0;
    }

    /**
     * Records what the value just read of member {@code name} was: its bit is set when the value
     * was JSON null and cleared otherwise, so the last of two same-named members decides, as it
     * decides the component. Names that are not nullable members leave the bits alone.
     *
     * @param bits the bits so far
     * @param name the member's name
     * @param isNull whether its value was JSON null
     * @return the updated bits
     */
    public int track(int bits, String name, boolean isNull) {
        if (isNull) {
            return bits | bit(name);
        }
        return bits == 0 ? 0 : bits & ~bit(name);
    }

    /**
     * The shared immutable set of the members whose bits are set; {@code Set.of()} for none.
     *
     * @param bits a combination of this table's bits
     * @return the set of those members' names
     */
    public Set<String> set(int bits) {
        Set<String> set = sets[bits];
        if (set == null) {
            set = new Members(this, bits);
            sets[bits] = set;
        }
        return set;
    }

    /**
     * What a record's compact constructor stores as its {@code nulls}: the members of
     * {@code nulls} whose component is unset, as a shared immutable set.
     *
     * @param nulls the names the caller gave, or {@code null} for none
     * @param setBits the bits of the members whose component holds a value (for a component
     *     that is never null, one that holds other than its default: a non-zero count, a
     *     non-empty list)
     * @return the normalized set, {@code Set.of()} when empty
     * @throws IllegalArgumentException naming a name that is not a nullable member of the record
     * @throws NullPointerException if {@code nulls} holds {@code null}
     */
    public Set<String> normalize(Set<String> nulls, int setBits) {
        if (nulls == null || nulls.isEmpty()) {
            return sets[0];
        }
        int bits;
        if (nulls instanceof Members members && members.table == this) {
            bits = members.bits;
        } else {
            bits = 0;
            for (String name : nulls) {
                Objects.requireNonNull(name, "nulls element");
                int bit = bit(name);
                if (bit == 0) {
                    throw new IllegalArgumentException("nulls: \"" + name + "\" is not a member of " + what
                            + " that can be null: expected one of " + String.join(", ", names)
                            + " (an unknown member that is null goes in extra as JsonValue.NULL)");
                }
                bits |= bit;
            }
        }
        return set(bits & ~setBits);
    }

    /**
     * The bits of a record's {@code nulls}.
     *
     * @param nulls a set this table made (a record's normalized {@code nulls}) or {@code Set.of()}
     * @return their bits
     * @throws IllegalArgumentException if {@code nulls} names a name that is not a member
     */
    public int bits(Set<String> nulls) {
        if (nulls instanceof Members members && members.table == this) {
            return members.bits;
        }
        return nulls.isEmpty() ? 0 : bits(normalize(nulls, 0));
    }

    /**
     * The bits of those of {@code names} that are members of this table, the others ignored: to
     * carry the nulls of one record over to another ({@code Delta} to {@code Message}).
     *
     * @param names member names of some record
     * @return the bits of the names this table has
     */
    public int membersOf(Set<String> names) {
        int bits = 0;
        for (String name : names) {
            bits |= bit(name);
        }
        return bits;
    }

    /**
     * {@code nulls} without {@code name}.
     *
     * @param nulls a set this table made (a record's normalized {@code nulls})
     * @param name a member name
     * @return the set without that member
     */
    public Set<String> without(Set<String> nulls, String name) {
        if (nulls.isEmpty()) {
            return nulls;
        }
        return normalize(nulls, bit(name));
    }

    /** A set of a table's members given by bits: immutable, with its hash code computed once. */
    private static final class Members extends AbstractSet<String> {

        private final ExplicitNulls table;
        private final int bits;
        private final int hash;

        Members(ExplicitNulls table, int bits) {
            this.table = table;
            this.bits = bits;
            int sum = 0;
            for (int i = 0; i < table.names.length; i++) {
                if ((bits & 1 << i) != 0) {
                    sum += table.names[i].hashCode();
                }
            }
            this.hash = sum;
        }

        @Override
        public boolean contains(Object name) {
            return name instanceof String member && (bits & table.bit(member)) != 0;
        }

        @Override
        public int size() {
            return Integer.bitCount(bits);
        }

        @Override
        public Iterator<String> iterator() {
            return new Iterator<>() {
                private int left = bits;

                @Override
                public boolean hasNext() {
                    return left != 0;
                }

                @Override
                public String next() {
                    if (left == 0) {
                        throw new NoSuchElementException();
                    }
                    int index = Integer.numberOfTrailingZeros(left);
                    left &= left - 1;
                    return table.names[index];
                }
            };
        }

        @Override
        public boolean equals(Object other) {
            if (other instanceof Members members && members.table == table) {
                return members.bits == bits;
            }
            return super.equals(other);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
