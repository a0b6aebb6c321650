package dev.gomodel.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Usage;
import dev.gomodel.internal.json.ExplicitNulls;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The top-level members completions and chunks share ({@code id}, {@code object},
 * {@code created}, {@code model}, {@code provider}, {@code system_fingerprint}, {@code usage})
 * and the unknown ones, collected while the codec reads {@code choices} itself.
 */
final class ResponseHead {

    /** Every top-level member a completion or chunk writes itself. */
    static final Set<String> KNOWN = Set.of("id", "object", "created", "model", "provider", "system_fingerprint",
            "choices", "usage");

    /** A stream's previous chunk, whose values are reused when the same ones come again. */
    private static final ChatCompletionChunk NO_PREVIOUS = new ChatCompletionChunk(null, null, null, null, null, null,
            null, null, null);

    private final ChatCompletionChunk previous;
    String id;
    String object;
    Long created;
    String model;
    String provider;
    String systemFingerprint;
    Usage usage;
    /** The explicit nulls, as bits of {@link ExplicitNulls#RESPONSE}. */
    private int nulls;
    /** The unknown members read into a map of this chunk's own; see {@link #readUnknown}. */
    private Map<String, JsonValue> extra;
    /** How many unknown members so far were the previous chunk's first ones, by name, value and order. */
    private int samePrefix;
    private Iterator<String> previousMembers;

    /** The head of a completion, or of a chunk read on its own. */
    ResponseHead() {
        this(null);
    }

    /**
     * The head of a chunk of a stream whose previous chunk was {@code previous} ({@code null} for
     * none): a string member with the same text as the previous chunk's ({@code id},
     * {@code model}, a top-level unknown string such as {@code service_tier}) is read as that
     * chunk's value, so the chunks of a stream share them.
     */
    ResponseHead(ChatCompletionChunk previous) {
        this.previous = previous == null ? NO_PREVIOUS : previous;
    }

    /** Notes whether member {@code name}, {@code choices} included, was JSON {@code null}; call it after each. */
    void track(JsonIn in, String name) {
        nulls = in.nulls(nulls, ExplicitNulls.RESPONSE, name);
    }

    /** The members that were explicitly {@code null}. */
    Set<String> nulls() {
        return ExplicitNulls.RESPONSE.set(nulls);
    }

    /** Reads the member {@code name} unless it is {@code choices}: that is for the caller. */
    void read(JsonIn in, String name) throws IOException {
        switch (name) {
            case "id" -> id = in.string(previous.id());
            case "object" -> object = in.string(previous.object());
            case "created" -> created = in.longInteger(previous.created());
            case "model" -> model = in.string(previous.model());
            case "provider" -> provider = in.string(previous.provider());
            case "system_fingerprint" -> systemFingerprint = in.string(previous.systemFingerprint());
            case "usage" -> usage = UsageCodec.readUsage(in);
            default -> readUnknown(in, name);
        }
    }

    /**
     * Reads an unknown member. While the members so far are the previous chunk's, name for name
     * and value for value in its order, they are only counted: a chunk whose unknown members are
     * all its predecessor's gets that chunk's map, which is immutable, instead of a copy.
     */
    private void readUnknown(JsonIn in, String name) throws IOException {
        if (previous.extra().isEmpty()) {
            extra = in.unknown(extra, name);
            return;
        }
        JsonValue prior = previous.extra().get(name);
        JsonValue value = in.value(prior);
        if (extra == null) {
            if (previousMembers == null) {
                previousMembers = previous.extra().keySet().iterator();
            }
            if (value == prior && previousMembers.hasNext() && previousMembers.next().equals(name)) {
                samePrefix++;
                return;
            }
            extra = previousPrefix();
        }
        extra.put(name, value);
    }

    /** The unknown members: the previous chunk's map when they are all its members, in its order. */
    Map<String, JsonValue> extra() {
        if (extra == null && samePrefix > 0) {
            return samePrefix == previous.extra().size() ? previous.extra() : previousPrefix();
        }
        return extra;
    }

    /** A new map of the previous chunk's first {@link #samePrefix} unknown members. */
    private Map<String, JsonValue> previousPrefix() {
        Map<String, JsonValue> map = new LinkedHashMap<>(4);
        int count = 0;
        for (Map.Entry<String, JsonValue> member : previous.extra().entrySet()) {
            if (count++ == samePrefix) {
                break;
            }
            map.put(member.getKey(), member.getValue());
        }
        return map;
    }

    /** Writes the members that come before {@code choices}. */
    static void writeStart(JsonGenerator out, String id, String object, Long created, String model, String provider,
            String systemFingerprint, Set<String> nulls) throws IOException {
        JsonOut.string(out, "id", id, nulls);
        JsonOut.string(out, "object", object, nulls);
        JsonOut.integer(out, "created", created, nulls);
        JsonOut.string(out, "model", model, nulls);
        JsonOut.string(out, "provider", provider, nulls);
        JsonOut.string(out, "system_fingerprint", systemFingerprint, nulls);
    }

    /** Writes the members that come after {@code choices}. */
    static void writeEnd(JsonGenerator out, Usage usage, Map<String, JsonValue> extra, Set<String> nulls)
            throws IOException {
        JsonOut.object(out, "usage", usage, UsageCodec::writeUsage, nulls);
        JsonOut.extra(out, extra, KNOWN);
    }
}
