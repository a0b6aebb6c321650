package dev.gomodel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {

    @Test
    void withoutAKeyTheDemoTalksToTheLocalEndpointThroughTheHttpProvider() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        Demo.run(name -> null, out, 0);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("No OPENAI_API_KEY set: using the local endpoint at http://127.0.0.1:")
                .contains("create: " + LocalEndpoint.answerTo("Say hello in five words."))
                .contains("served by openai, usage: 7 prompt + 13 completion = 20 tokens")
                .contains("stream: " + LocalEndpoint.answerTo("Now stream a short greeting."))
                .contains("finish_reason stop, usage: 5 prompt + 13 completion = 18 tokens")
                .contains("The same prompt to an Anthropic-format local endpoint at http://127.0.0.1:")
                .contains("served by anthropic, usage: 7 prompt + 13 completion = 20 tokens");
        assertThat(printed.split("stream: " + LocalEndpoint.answerTo("Now stream a short greeting."), -1)).hasSize(3);
    }
}
