package dev.gomodel.json;

import static dev.gomodel.json.JsonFixtures.lines;
import static dev.gomodel.json.JsonFixtures.utf8;
import static dev.gomodel.testing.Fuzz.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.JsonValue;
import dev.gomodel.testing.Fuzz;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** One {@link ChunkReader} over a stream reads each event as {@link ChatJson#readChunk} does. */
class ChunkReaderTest {

    /** Events that are not one whole object, each after good ones. */
    private static final List<String> BROKEN = List.of("", " ", "{", "{\"id\":\"c\"", "{\"id\":\"c\",\"choices\":[",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"cut", "{} 1", "{}{}", "{} x", "{}}", "[]", "1", "null",
            "\"s\"", "{\"choices\":[1]}", "{\"id\":1}", "\ufeff{\"id\":\"bom\",\"choices\":[]}", "{\"id\":\"c\"} \n\r\t",
            "  {\"id\":\"c\",\"choices\":[]}", "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}");

    private static Object outcome(ChunkReader reader, byte[] event) {
        // The event in a larger array, as the SSE decoder's buffer holds it.
        byte[] buffer = new byte[event.length + 7];
        System.arraycopy(event, 0, buffer, 3, event.length);
        buffer[0] = '{';
        buffer[event.length + 3] = '}';
        try {
            return reader.read(buffer, 3, event.length);
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static Object oneShot(byte[] event) {
        try {
            return ChatJson.readChunk(event, 0, event.length);
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static void assertSameAsOneShot(List<byte[]> events, String label) {
        ChunkReader reader = new ChunkReader();
        for (int i = 0; i < events.size(); i++) {
            byte[] event = events.get(i);
            assertThat(outcome(reader, event)).as("%s, event %d: %s", label, i, show(event)).isEqualTo(oneShot(event));
        }
    }

    @Test
    void eachBrokenEventFailsOrReadsAsOnItsOwnAndTheStreamReadsOnAfterIt() {
        List<String> good = lines("chunks.jsonl");
        for (String broken : BROKEN) {
            List<byte[]> events = new ArrayList<>();
            good.forEach(chunk -> events.add(utf8(chunk)));
            events.add(utf8(broken));
            good.forEach(chunk -> events.add(utf8(chunk)));
            assertSameAsOneShot(events, broken);
        }
    }

    @Test
    void damagedStreamsReadEventByEventAsEachEventOnItsOwn() {
        List<String> good = lines("chunks.jsonl");
        for (int i = 0; i < Fuzz.cases(1000); i++) {
            RandomGenerator random = Fuzz.random(i);
            List<byte[]> events = new ArrayList<>();
            for (int e = 0; e < 12; e++) {
                byte[] chunk = utf8(good.get(random.nextInt(good.size())));
                events.add(random.nextInt(4) == 0 ? Fuzz.mutate(chunk, random) : chunk);
            }
            assertSameAsOneShot(events, "case " + i);
        }
    }

    @Test
    void stringsThatRepeatAreTheFirstChunksAndChangedOnesAreRead() {
        ChunkReader reader = new ChunkReader();
        String head = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":7,\"model\":\"m1\","
                + "\"system_fingerprint\":\"fp\",\"service_tier\":\"default\",\"choices\":[]";

        ChatCompletionChunk first = read(reader, head + "}");
        ChatCompletionChunk second = read(reader, head + ",\"x\":1}");
        ChatCompletionChunk changed = read(reader, head.replace("c1", "c2").replace("m1", "m2")
                .replace("default", "flex").replace("\"fp\"", "\"f\\\"p\"").replace("7", "8") + "}");
        ChatCompletionChunk escaped = read(reader, head.replace("\"fp\"", "\"f\\\"p\"").replace("default", "a\\\"b") + "}");
        ChatCompletionChunk lookalike = read(reader, head.replace("default", "a\\\\\\\"b") + "}");

        assertThat(second.id()).isSameAs(first.id());
        assertThat(second.object()).isSameAs(first.object());
        assertThat(second.model()).isSameAs(first.model());
        assertThat(second.created()).isSameAs(first.created());
        assertThat(second.systemFingerprint()).isSameAs(first.systemFingerprint());
        assertThat(second.extra().get("service_tier")).isSameAs(first.extra().get("service_tier"));
        assertThat(changed.id()).isEqualTo("c2");
        assertThat(changed.model()).isEqualTo("m2");
        assertThat(changed.created()).isEqualTo(8L);
        assertThat(changed.systemFingerprint()).isEqualTo("f\"p");
        assertThat(changed.extra().get("service_tier")).isEqualTo(JsonValue.of("flex"));
        assertThat(escaped.id()).isEqualTo("c1");
        assertThat(escaped.systemFingerprint()).isSameAs(changed.systemFingerprint());
        assertThat(escaped.extra().get("service_tier")).isEqualTo(JsonValue.of("a\"b"));
        // The text a\"b would be the previous value's JSON text without its quotes: it is not that value.
        assertThat(lookalike.extra().get("service_tier")).isEqualTo(JsonValue.of("a\\\"b"));
    }

    @Test
    void unknownMembersThatRepeatShareThePreviousChunksMapAndAnyChangeGetsAMapOfItsOwn() {
        ChunkReader reader = new ChunkReader();
        ChatCompletionChunk first = read(reader, "{\"a\":\"x\",\"b\":\"y\",\"choices\":[]}");
        ChatCompletionChunk same = read(reader, "{\"a\":\"x\",\"choices\":[],\"b\":\"y\"}");
        ChatCompletionChunk fewer = read(reader, "{\"a\":\"x\",\"choices\":[]}");
        ChatCompletionChunk more = read(reader, "{\"a\":\"x\",\"b\":2,\"choices\":[]}");
        ChatCompletionChunk reordered = read(reader, "{\"b\":2,\"a\":\"x\",\"choices\":[]}");
        ChatCompletionChunk changed = read(reader, "{\"b\":2,\"a\":\"z\",\"choices\":[]}");
        ChatCompletionChunk none = read(reader, "{\"choices\":[]}");

        assertThat(same.extra()).isSameAs(first.extra());
        assertThat(fewer.extra()).isEqualTo(Map.of("a", JsonValue.of("x")));
        assertThat(more.extra()).isEqualTo(Map.of("a", JsonValue.of("x"), "b", JsonValue.of(2)));
        assertThat(List.copyOf(more.extra().keySet())).containsExactly("a", "b");
        assertThat(List.copyOf(reordered.extra().keySet())).containsExactly("b", "a");
        assertThat(reordered.extra()).isEqualTo(more.extra()).isNotSameAs(more.extra());
        assertThat(changed.extra()).isEqualTo(Map.of("a", JsonValue.of("z"), "b", JsonValue.of(2)));
        assertThat(none.extra()).isEmpty();
        for (ChatCompletionChunk chunk : List.of(first, same, fewer, more, reordered, changed, none)) {
            byte[] written = ChatJson.writeChunk(chunk);
            assertThat(chunk).isEqualTo(ChatJson.readChunk(written, 0, written.length));
        }
    }

    @Test
    void aBadEventAfterGoodOnesFailsNamingItsPathAndTheNextGoodOneReads() {
        ChunkReader reader = new ChunkReader();
        read(reader, "{\"id\":\"c\",\"choices\":[]}");

        assertThatThrownBy(() -> read(reader, "{\"id\":\"c\",\"choices\":[{\"index\":\"x\"}]}"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("choices[0].index: expected an integer or null, got STRING");
        assertThatThrownBy(() -> read(reader, "{\"id\":\"c\",\"choices\":["))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed JSON at byte 21: Unexpected end-of-input");
        assertThat(read(reader, "{\"id\":\"d\",\"choices\":[]}").id()).isEqualTo("d");
    }

    private static ChatCompletionChunk read(ChunkReader reader, String json) {
        byte[] bytes = utf8(json);
        return reader.read(bytes, 0, bytes.length);
    }
}
