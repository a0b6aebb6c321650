package dev.gomodel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RoutingDemoTest {

    @Test
    void theRoutingDemoRetriesFallsBackAndPrintsTheRoute() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        RoutingDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("create: " + LocalEndpoint.answerTo("Route me."))
                .contains("stream: " + LocalEndpoint.answerTo("Stream me."))
                .containsPattern("primary/gpt-4o-mini ERROR ProviderErrorException \\(\\d+ ms\\)")
                .containsPattern("primary/gpt-4o-mini ERROR ProviderErrorException \\(\\d+ ms, after waiting \\d+ ms\\)")
                .containsPattern("backup/gpt-4o-mini OK \\(\\d+ ms\\)");
    }
}
