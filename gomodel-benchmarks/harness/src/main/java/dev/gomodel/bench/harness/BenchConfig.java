package dev.gomodel.bench.harness;

/**
 * What a client is configured with; the same for every client. Immutable.
 *
 * @param baseUrl the stub's OpenAI base URL, ending in {@code /v1}
 * @param model the model every request names
 * @param prompt the one user message every request sends
 * @param apiKey a key the stub ignores, sent as every client sends it
 */
public record BenchConfig(String baseUrl, String model, String prompt, String apiKey) {

    static BenchConfig forStub(String baseUrl) {
        return new BenchConfig(baseUrl, "gpt-4o-mini", "Explain connection pooling in three short paragraphs.",
                "sk-bench-0000000000000000");
    }
}
