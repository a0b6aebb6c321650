package dev.gomodel.bench.raw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gomodel.bench.harness.BenchClient;
import dev.gomodel.bench.harness.BenchConfig;
import dev.gomodel.bench.harness.Worker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The baseline: what a developer writes with the JDK alone and Jackson. {@code HttpClient} with
 * its defaults, the request built as a Jackson tree and written to bytes, the answer read whole
 * and parsed with {@code ObjectMapper.readTree}; a stream read with {@code BodyHandlers.ofLines()}
 * and each {@code data:} line parsed with {@code readTree}. A call whose sending fails with an
 * {@code IOException} is sent once more, as any production code over this client must: JDK
 * 17's HTTP/1.1 pool can hand the answer on a reused connection to its idle-connection watcher,
 * which closes the connection and fails the call with "HTTP/1.1 header parser received no
 * bytes" (JDK-8338569, fixed in JDK 24); under 16 threads on loopback that happens every few
 * seconds. gomodel and LangChain4j send again in that case too. Thread-safe.
 */
public final class RawClient implements BenchClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private final BenchConfig config;
    private final URI endpoint;

    RawClient(BenchConfig config) {
        this.config = config;
        this.endpoint = URI.create(config.baseUrl() + "/chat/completions");
    }

    public static void main(String[] args) {
        Worker.run(args, Map.of("raw", RawClient::new));
    }

    @Override
    public String create() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(request(false), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        JsonNode answer = mapper.readTree(response.body());
        return answer.path("choices").path(0).path("message").path("content").textValue();
    }

    @Override
    public void stream(ContentSink sink) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = send(request(true), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            boolean done = false;
            // Read to the end of the body even after [DONE], so the connection goes back to the pool.
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (done || !line.startsWith("data:")) {
                    continue;
                }
                String data = line.startsWith("data: ") ? line.substring(6) : line.substring(5);
                if (data.equals("[DONE]")) {
                    done = true;
                    continue;
                }
                JsonNode choices = mapper.readTree(data).path("choices");
                if (choices.size() > 0) {
                    String content = choices.path(0).path("delta").path("content").textValue();
                    if (content != null && !content.isEmpty()) {
                        sink.accept(content);
                    }
                }
            }
            if (!done) {
                throw new IOException("the stream ended without [DONE]");
            }
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            return http.send(request, handler);
        }
    }

    private HttpRequest request(boolean stream) throws IOException {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", config.model());
        ObjectNode message = body.putArray("messages").addObject();
        message.put("role", "user");
        message.put("content", config.prompt());
        if (stream) {
            body.put("stream", true);
        }
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + config.apiKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)))
                .build();
    }

    @Override
    public void close() {
        // JDK 17's HttpClient cannot be closed; its threads end with the JVM.
    }
}
