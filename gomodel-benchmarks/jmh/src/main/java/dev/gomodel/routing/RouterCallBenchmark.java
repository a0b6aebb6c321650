package dev.gomodel.routing;

import dev.gomodel.benchmarks.jmh.CannedProvider;
import dev.gomodel.benchmarks.jmh.Fixtures;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.json.ChatJson;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One routed call end to end, {@code Router.createAsync(request).join()}, over three providers
 * whose {@code createAsync} returns an already completed future: everything the router does
 * for a call that succeeds at once (resolution, policy, call context, listener events, breaker,
 * balancer, the upstream request, the route report, the served completion). Configured with
 * two retries and a fallback stage, none triggered; {@code timeouts=true} adds a deadline and
 * an attempt timeout, so each call arms and cancels two timers. {@link #providerDirect} is the
 * canned provider alone, the floor.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RouterCallBenchmark {

    /** A router over the three canned providers. */
    @State(Scope.Benchmark)
    public static class Routed {

        @Param({"gpt-4o", "openai/gpt-4o", "smart"})
        public String model;

        @Param({"false", "true"})
        public boolean timeouts;

        Router router;
        ChatRequest request;

        @Setup(Level.Trial)
        public void setUp() {
            ChatCompletion completion = ChatJson.readCompletion(Fixtures.completionJson());
            Router.Builder builder = Router.builder()
                    .provider(new CannedProvider("openai", "openai", Set.of("gpt-4o", "gpt-4o-mini"), completion))
                    .provider(new CannedProvider("azure", "azure", Set.of("gpt-4o", "gpt-4o-mini"), completion))
                    .provider(new CannedProvider("backup", "openai-compatible", Set.of("gpt-4o", "llama-3.3-70b"),
                            completion))
                    .alias("smart", "openai/gpt-4o", "azure/gpt-4o", "backup/gpt-4o")
                    .fallback("gpt-4o", "backup/llama-3.3-70b")
                    .maxRetries(2);
            if (timeouts) {
                builder.deadline(Duration.ofSeconds(60)).attemptTimeout(Duration.ofSeconds(30));
            }
            router = builder.build();
            request = Fixtures.request(model);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            router.close();
        }
    }

    /** One canned provider, called without a router. */
    @State(Scope.Benchmark)
    public static class Direct {

        CannedProvider provider;
        ChatRequest request;

        @Setup(Level.Trial)
        public void setUp() {
            provider = new CannedProvider("openai", "openai", Set.of("gpt-4o"),
                    ChatJson.readCompletion(Fixtures.completionJson()));
            request = Fixtures.request("gpt-4o");
        }
    }

    @Benchmark
    public ChatCompletion routerCreateAsync(Routed routed) {
        return routed.router.createAsync(routed.request).join();
    }

    @Benchmark
    public ChatCompletion providerDirect(Direct direct) {
        return direct.provider.createAsync(direct.request).join();
    }
}
