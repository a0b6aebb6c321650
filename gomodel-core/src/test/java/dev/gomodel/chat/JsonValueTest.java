package dev.gomodel.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomodel.json.ChatJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonValueTest {

    @Test
    void parseKeepsTheTextExactlyAndRejectsWhatIsNotOneValue() {
        assertThat(JsonValue.parse("{\"b\":1,\"a\":12345678901234567890123}").json())
                .isEqualTo("{\"b\":1,\"a\":12345678901234567890123}");
        assertThatThrownBy(() -> JsonValue.parse("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> JsonValue.parse("{\"a\":")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> JsonValue.parse("1 2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trailing content");
    }

    @Test
    void factoriesMakeTheExpectedJson() {
        assertThat(JsonValue.of("say \"hi\"\n").json()).isEqualTo("\"say \\\"hi\\\"\\n\"");
        assertThat(JsonValue.of("say \"hi\"\n").asString()).isEqualTo("say \"hi\"\n");
        assertThat(JsonValue.of(42).json()).isEqualTo("42");
        assertThat(JsonValue.of(0.5).json()).isEqualTo("0.5");
        assertThat(JsonValue.of(true)).isSameAs(JsonValue.TRUE);
        assertThat(JsonValue.NULL.isNull()).isTrue();
        assertThat(JsonValue.of(42).isNumber()).isTrue();
        assertThat(JsonValue.parse("{}").isObject()).isTrue();
        assertThatThrownBy(() -> JsonValue.of(Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> JsonValue.of(42).asString()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLoneSurrogateIsEscapedSoTheValueCanBeWrittenAsUtf8() {
        JsonValue value = JsonValue.of("broken \ud800 pair");
        ChatRequest request = ChatRequest.builder().model("m").user("hi").extra("note", value).build();

        byte[] json = ChatJson.writeRequest(request);

        assertThat(value.json()).isEqualTo("\"broken \\ud800 pair\"");
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"note\":\"broken \\ud800 pair\"");
        assertThat(ChatJson.readRequest(json).extra().get("note").asString()).isEqualTo("broken \ud800 pair");
    }
}
