package dev.gomodel.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.chat.Usage;
import java.io.IOException;
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

    String id;
    String object;
    Long created;
    String model;
    String provider;
    String systemFingerprint;
    Usage usage;
    Map<String, JsonValue> extra;

    /** Reads the member {@code name} unless it is {@code choices}: that is for the caller. */
    void read(JsonIn in, String name) throws IOException {
        switch (name) {
            case "id" -> id = in.string();
            case "object" -> object = in.string();
            case "created" -> created = in.longInteger();
            case "model" -> model = in.string();
            case "provider" -> provider = in.string();
            case "system_fingerprint" -> systemFingerprint = in.string();
            case "usage" -> usage = UsageCodec.readUsage(in);
            default -> extra = in.unknown(extra, name);
        }
    }

    /** Writes the members that come before {@code choices}. */
    static void writeStart(JsonGenerator out, String id, String object, Long created, String model, String provider,
            String systemFingerprint) throws IOException {
        JsonOut.string(out, "id", id);
        JsonOut.string(out, "object", object);
        JsonOut.integer(out, "created", created);
        JsonOut.string(out, "model", model);
        JsonOut.string(out, "provider", provider);
        JsonOut.string(out, "system_fingerprint", systemFingerprint);
    }

    /** Writes the members that come after {@code choices}. */
    static void writeEnd(JsonGenerator out, Usage usage, Map<String, JsonValue> extra) throws IOException {
        JsonOut.object(out, "usage", usage, UsageCodec::writeUsage);
        JsonOut.extra(out, extra, KNOWN);
    }
}
