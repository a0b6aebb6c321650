package dev.gomodel.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gomodel.json.ChatJson;
import dev.gomodel.testing.JsonMeaning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every OpenAI-format fixture of the providers' tests ({@code /openai} and {@code /presets}:
 * each completion and request file, each event of each stream; error bodies are not completions
 * and Anthropic's fixtures are another format) reads and writes back as the same JSON by meaning,
 * explicit nulls included; so does each document made by setting one member of it, at any level,
 * to {@code null}, unless the reader refuses that document naming that member.
 */
class FixtureRoundTripPropertyTest {

    enum Kind {
        REQUEST(json -> ChatJson.writeRequest(ChatJson.readRequest(json))),
        COMPLETION(json -> ChatJson.writeCompletion(ChatJson.readCompletion(json))),
        CHUNK(json -> ChatJson.writeChunk(ChatJson.readChunk(json, 0, json.length)));

        final Function<byte[], byte[]> roundTrip;

        Kind(Function<byte[], byte[]> roundTrip) {
            this.roundTrip = roundTrip;
        }
    }

    record Fixture(Kind kind, String name, byte[] json) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Fixture> fixtures() {
        List<Fixture> fixtures = new ArrayList<>();
        try {
            Path root = Path.of(FixtureRoundTripPropertyTest.class.getResource("/presets").toURI()).getParent();
            for (String folder : List.of("openai", "presets")) {
                try (Stream<Path> files = Files.walk(root.resolve(folder))) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        add(fixtures, root.relativize(file).toString(), Files.readAllBytes(file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return fixtures;
    }

    private static void add(List<Fixture> fixtures, String name, byte[] content) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        if (file.startsWith("error")) {
            return;
        }
        if (file.endsWith(".sse")) {
            int event = 0;
            for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                    fixtures.add(new Fixture(Kind.CHUNK, name + " event " + ++event,
                            line.substring("data: ".length()).getBytes(StandardCharsets.UTF_8)));
                }
            }
        } else if (file.startsWith("completion") && file.endsWith(".json")) {
            fixtures.add(new Fixture(Kind.COMPLETION, name, content));
        } else if (file.startsWith("request") && file.endsWith(".json")) {
            fixtures.add(new Fixture(Kind.REQUEST, name, content));
        } else {
            throw new AssertionError("a fixture of no known kind: " + name);
        }
    }

    @Test
    void theFixturesAreFound() {
        List<Fixture> fixtures = fixtures();

        assertThat(fixtures).extracting(Fixture::kind).contains(Kind.REQUEST, Kind.COMPLETION, Kind.CHUNK);
        assertThat(fixtures).extracting(Fixture::name).anyMatch(name -> name.startsWith("presets/mistral/"))
                .anyMatch(name -> name.startsWith("presets/openrouter/")).anyMatch(name -> name.startsWith("openai/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readingAndWritingGivesTheSameJsonAsDoesEachMemberSetToNull(Fixture fixture) {
        assertThat(JsonMeaning.of(fixture.kind.roundTrip.apply(fixture.json))).isEqualTo(JsonMeaning.of(fixture.json));

        for (JsonMeaning.Variant variant : JsonMeaning.eachMemberNull(fixture.json)) {
            byte[][] written = new byte[1][];
            Throwable refused = catchThrowable(() -> written[0] = fixture.kind.roundTrip.apply(variant.json()));
            if (refused != null) {
                assertThat(refused).as(variant.toString()).isExactlyInstanceOf(IllegalArgumentException.class);
                assertThat(refused.getMessage()).as(variant.toString()).startsWith(variant.path());
            } else {
                assertThat(JsonMeaning.of(written[0])).as(variant.toString()).isEqualTo(JsonMeaning.of(variant.json()));
            }
        }
    }
}
