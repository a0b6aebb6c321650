package dev.gomodel.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gomodel.chat.ChatCompletionChunk;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every request, completion and chunk fixture of the codec's tests (each JSON file under
 * {@code dev/gomodel/json} of the test resources, each line of a {@code .jsonl} file): reading
 * and writing gives the same JSON by meaning, explicit nulls included; and the same holds for
 * each document made by setting one member of the fixture, at any level, to {@code null}, unless
 * the reader refuses it naming that very member (a request without a model, a part without a
 * type).
 */
class FixtureRoundTripPropertyTest {

    /** What a fixture is, by its file name: {@code request-*}, {@code completion-*}, {@code chunks*}. */
    enum Kind {
        REQUEST(json -> ChatJson.writeRequest(ChatJson.readRequest(json)), ChatJson::readRequest),
        COMPLETION(json -> ChatJson.writeCompletion(ChatJson.readCompletion(json)), ChatJson::readCompletion),
        CHUNK(json -> ChatJson.writeChunk(ChatJson.readChunk(json, 0, json.length)),
                json -> ChatJson.readChunk(json, 0, json.length));

        final Function<byte[], byte[]> roundTrip;
        final Function<byte[], Object> read;

        Kind(Function<byte[], byte[]> roundTrip, Function<byte[], Object> read) {
            this.roundTrip = roundTrip;
            this.read = read;
        }
    }

    /** A fixture: its kind, where it is, and its bytes. */
    record Fixture(Kind kind, String name, byte[] json) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Path fixtureDirectory() {
        try {
            return Path.of(FixtureRoundTripPropertyTest.class.getResource("/dev/gomodel/json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Fixture> fixtures() {
        List<Fixture> fixtures = new ArrayList<>();
        try (Stream<Path> files = Files.list(fixtureDirectory())) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("chunks") && name.endsWith(".jsonl")) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        if (!lines.get(i).isBlank()) {
                            fixtures.add(new Fixture(Kind.CHUNK, name + ":" + (i + 1),
                                    lines.get(i).getBytes(StandardCharsets.UTF_8)));
                        }
                    }
                } else if (name.startsWith("request-")) {
                    fixtures.add(new Fixture(Kind.REQUEST, name, Files.readAllBytes(file)));
                } else if (name.startsWith("completion-")) {
                    fixtures.add(new Fixture(Kind.COMPLETION, name, Files.readAllBytes(file)));
                } else if (name.endsWith(".json") || name.endsWith(".jsonl")) {
                    throw new AssertionError("a fixture of no known kind: " + name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixtures;
    }

    @Test
    void theFixturesAreFound() {
        assertThat(fixtures()).extracting(Fixture::kind).contains(Kind.REQUEST, Kind.COMPLETION, Kind.CHUNK);
        assertThat(fixtures()).hasSizeGreaterThan(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readingAndWritingGivesTheSameJson(Fixture fixture) {
        byte[] written = fixture.kind.roundTrip.apply(fixture.json);

        assertThat(JsonMeaning.of(written)).isEqualTo(JsonMeaning.of(fixture.json));
        assertThat(fixture.kind.read.apply(written)).isEqualTo(fixture.kind.read.apply(fixture.json));
    }

    static Stream<Arguments> variants() {
        return fixtures().stream().flatMap(fixture -> JsonMeaning.eachMemberNull(fixture.json).stream()
                .map(variant -> Arguments.of(fixture, variant)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("variants")
    void aMemberSetToNullIsWrittenBackAsNullOrRefusedByName(Fixture fixture, JsonMeaning.Variant variant) {
        byte[][] written = new byte[1][];
        Throwable refused = catchThrowable(() -> written[0] = fixture.kind.roundTrip.apply(variant.json()));

        if (refused != null) {
            assertThat(refused).isExactlyInstanceOf(IllegalArgumentException.class);
            assertThat(refused.getMessage()).startsWith(variant.path());
        } else {
            assertThat(JsonMeaning.of(written[0])).isEqualTo(JsonMeaning.of(variant.json()));
        }
    }

    static Stream<String> chunkFiles() throws IOException {
        try (Stream<Path> files = Files.list(fixtureDirectory())) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".jsonl")).toList()
                    .stream();
        }
    }

    /** A stream's own reader, which shares what repeats from chunk to chunk, reads what the codec reads. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("chunkFiles")
    void aStreamsChunkReaderReadsEachChunkAsTheCodecDoes(String file) throws IOException {
        ChunkReader reader = new ChunkReader();
        for (String line : Files.readAllLines(fixtureDirectory().resolve(file), StandardCharsets.UTF_8)) {
            byte[] json = line.getBytes(StandardCharsets.UTF_8);
            ChatCompletionChunk chunk = reader.read(json, 0, json.length);

            assertThat(chunk).isEqualTo(ChatJson.readChunk(json, 0, json.length));
            assertThat(JsonMeaning.of(ChatJson.writeChunk(chunk))).isEqualTo(JsonMeaning.of(json));
        }
    }
}
