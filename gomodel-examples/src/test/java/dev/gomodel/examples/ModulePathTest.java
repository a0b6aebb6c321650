package dev.gomodel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the demo as named modules, on the module path, in a fresh JVM: proves the module
 * descriptors export and require what the demo needs and that {@code GoModelClient.fromEnv()}
 * finds the providers through the {@code provides} clause.
 */
class ModulePathTest {

    @Test
    void theDemoRunsOnTheModulePathAndFindsProvidersFromTheEnvironment() throws Exception {
        List<String> modulePath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String normalized = entry.replace('\\', '/');
            if (normalized.contains("gomodel-core") || normalized.contains("gomodel-providers")
                    || normalized.contains("gomodel-examples/target/classes") || normalized.contains("jackson-core")) {
                modulePath.add(entry);
            }
        }
        assertThat(modulePath).hasSize(4);

        try (LocalEndpoint endpoint = LocalEndpoint.openAi(0)) {
            ProcessBuilder process = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--module-path", String.join(File.pathSeparator, modulePath),
                    "--module", "dev.gomodel.examples/dev.gomodel.examples.Demo")
                    .redirectErrorStream(true);
            process.environment().put("OPENAI_API_KEY", "sk-module-path-test");
            process.environment().put("OPENAI_BASE_URL", endpoint.baseUrl());
            Process demo = process.start();
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String printed = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(demo.exitValue()).as(printed).isZero();
            assertThat(printed)
                    .contains("OPENAI_API_KEY is set: using OpenAiProvider[name=openai, baseUrl=" + endpoint.baseUrl()
                            + ", apiKey=***]")
                    .contains("create: " + LocalEndpoint.answerTo("Say hello in five words."))
                    .contains("stream: " + LocalEndpoint.answerTo("Now stream a short greeting."))
                    .doesNotContain("sk-module-path-test");
        }
    }
}
