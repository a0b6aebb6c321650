package dev.gomodel.providers.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomodel.GoModelClient;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.RouteReport;
import dev.gomodel.chat.Usage;
import dev.gomodel.error.GoModelException;
import dev.gomodel.internal.timer.Timers;
import dev.gomodel.providers.Timeouts;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.providers.testing.LoopbackServer;
import dev.gomodel.routing.CircuitBreakerPolicy;
import dev.gomodel.routing.RetryPolicy;
import dev.gomodel.routing.RouterCall;
import dev.gomodel.routing.RouterListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Many calls from many threads, creates and streams mixed, against a loopback upstream that
 * fails 5% of them in assorted ways, with a few calls cancelled by their callers. Every call
 * must end and be accounted for, and closing the client must bring connections, threads and
 * timers back to where they were.
 *
 * <p>CI runs a bounded size; {@code -Dgomodel.soak.calls=20000 -Dgomodel.soak.threads=64} runs
 * the full one.
 */
class SoakTest {

    static final int CALLS = Integer.getInteger("gomodel.soak.calls", 3_000);
    static final int THREADS = Integer.getInteger("gomodel.soak.threads", 64);
    static final Duration IDLE = Duration.ofMillis(400);
    static final Duration HEADERS = Duration.ofMillis(800);
    static final Pattern CALL_NUMBER = Pattern.compile("call-(\\d+)");

    /** How the upstream treats call {@code n}: about 5% fail, in five different ways. */
    static String behaviour(int n) {
        int roll = Math.floorMod(n * 7919 + 13, 100);
        return switch (roll) {
            case 0 -> "500";
            case 1 -> "reset";
            case 2 -> "malformed";
            case 3 -> "stall";
            case 4 -> "truncate";
            default -> "ok";
        };
    }

    /** Whether the caller cancels call {@code n}: about 1%. */
    static boolean cancels(int n) {
        return Math.floorMod(n * 104_729 + 7, 100) == 50;
    }

    @Test
    void everyCallEndsAndClosingReleasesEverything() throws Exception {
        int threadsBefore = liveThreads();
        int timersBefore = Timers.pending();
        AtomicInteger served = new AtomicInteger();
        try (LoopbackServer server = new LoopbackServer((connection, number) -> serve(connection, served))) {
            CountingListener listener = new CountingListener();
            GoModelClient client = GoModelClient.builder()
                    .provider(OpenAiProvider.builder().name("soak").baseUrl(server.baseUrl()).apiKey("sk-soak")
                            .timeouts(Timeouts.defaults().withIdle(IDLE).withResponseHeaders(HEADERS))
                            // A JDK client of its own (a hook no other provider has), so that closing
                            // the client shows its connections go: a shared one stays open while
                            // providers of other tests in this JVM still use it.
                            .httpClientCustomizer(builder -> { })
                            .build())
                    // The breaker stays closed so that every call reaches the upstream: a soak that
                    // mostly failed fast on an open circuit would prove little.
                    .routing(router -> router.listener(listener).circuitBreaker(CircuitBreakerPolicy.disabled())
                            .retry(RetryPolicy.builder().maxRetries(1).initialBackoff(Duration.ofMillis(5)).build()))
                    .build();

            AtomicInteger succeeded = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger cancelled = new AtomicInteger();
            List<String> problems = new CopyOnWriteArrayList<>();
            AtomicInteger next = new AtomicInteger();
            ExecutorService callers = Executors.newFixedThreadPool(THREADS);
            for (int t = 0; t < THREADS; t++) {
                callers.execute(() -> {
                    for (int n = next.getAndIncrement(); n < CALLS; n = next.getAndIncrement()) {
                        try {
                            String outcome = n % 2 == 0 ? create(client, n) : stream(client, n);
                            switch (outcome) {
                                case "ok" -> succeeded.incrementAndGet();
                                case "failed" -> failed.incrementAndGet();
                                case "cancelled" -> cancelled.incrementAndGet();
                                default -> problems.add("call " + n + ": " + outcome);
                            }
                        } catch (Throwable e) {
                            problems.add("call " + n + ": " + e);
                        }
                    }
                });
            }
            callers.shutdown();
            assertThat(callers.awaitTermination(10, TimeUnit.MINUTES)).as("the soak ended").isTrue();

            assertThat(problems).isEmpty();
            assertThat(succeeded.get() + failed.get() + cancelled.get()).isEqualTo(CALLS);
            assertThat(succeeded.get()).as("most calls succeed").isGreaterThan(CALLS * 9 / 10);
            assertThat(failed.get()).as("some faults outlast a retry").isPositive();
            assertThat(cancelled.get()).as("some calls were cancelled").isPositive();
            // The router's own count agrees: every call it started, it ended once.
            assertThat(listener.started.get()).isEqualTo(CALLS);
            assertThat(listener.ended.get()).isEqualTo(CALLS);

            client.close();

            // Connections, threads and timers go back to where they were once the client is gone
            // (on JDK 17, a closed JDK client lets go of its connections when collected).
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((server.activeConnections() > 0 || liveThreads() > threadsBefore + 2
                    || Timers.pending() > timersBefore)
                    && System.nanoTime() < end) {
                System.gc();
                Thread.sleep(100);
            }
            assertThat(server.activeConnections()).as("connections left open").isZero();
            assertThat(liveThreads()).as("threads").isLessThanOrEqualTo(threadsBefore + 2);
            assertThat(Timers.pending()).as("timers left").isLessThanOrEqualTo(timersBefore);
        }
    }

    /** One create; returns "ok", "failed", "cancelled" or what went wrong. */
    private static String create(GoModelClient client, int n) throws Exception {
        CompletableFuture<ChatCompletion> call = client.chat().createAsync(request(n));
        if (cancels(n)) {
            call.cancel(true);
        }
        try {
            ChatCompletion done = call.get(30, TimeUnit.SECONDS);
            return done.text().equals("answer " + n) ? "ok" : "wrong answer: " + done.text();
        } catch (CancellationException e) {
            return "cancelled";
        } catch (ExecutionException e) {
            return e.getCause() instanceof GoModelException ? "failed" : "untyped failure: " + e.getCause();
        } catch (TimeoutException e) {
            return "hung";
        }
    }

    /** One stream; returns "ok", "failed", "cancelled" or what went wrong. */
    private static String stream(GoModelClient client, int n) throws Exception {
        boolean cancel = cancels(n);
        StringBuilder text = new StringBuilder();
        AtomicInteger terminals = new AtomicInteger();
        AtomicLong afterTerminal = new AtomicLong();
        CountDownLatch ended = new CountDownLatch(1);
        Throwable[] error = new Throwable[1];
        client.chat().stream(request(n)).subscribe(new Flow.Subscriber<>() {
            Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                this.subscription = subscription;
                subscription.request(1);
            }

            @Override
            public void onNext(ChatCompletionChunk chunk) {
                if (terminals.get() > 0) {
                    afterTerminal.incrementAndGet();
                }
                for (ChatCompletionChunk.ChunkChoice choice : chunk.choices()) {
                    if (choice.delta() != null && choice.delta().text() != null) {
                        text.append(choice.delta().text());
                    }
                }
                if (cancel) {
                    subscription.cancel();
                    ended.countDown();
                } else {
                    subscription.request(1);
                }
            }

            @Override
            public void onError(Throwable throwable) {
                terminals.incrementAndGet();
                error[0] = throwable;
                ended.countDown();
            }

            @Override
            public void onComplete() {
                terminals.incrementAndGet();
                ended.countDown();
            }
        });
        if (!ended.await(30, TimeUnit.SECONDS)) {
            return "hung";
        }
        Thread.sleep(1);
        if (afterTerminal.get() > 0 || terminals.get() > 1) {
            return "signals after the end";
        }
        if (cancel && terminals.get() == 0) {
            return "cancelled";
        }
        if (error[0] != null) {
            return error[0] instanceof GoModelException ? "failed" : "untyped failure: " + error[0];
        }
        return text.toString().equals("answer " + n) ? "ok" : "wrong answer: " + text;
    }

    private static ChatRequest request(int n) {
        return ChatRequest.builder().model("m").user("call-" + n).build();
    }

    /** Serves requests on one keep-alive connection until the client closes it or a fault ends it. */
    private static void serve(LoopbackServer.Connection connection, AtomicInteger served) throws Exception {
        String body;
        while ((body = connection.readRequest()) != null) {
            served.incrementAndGet();
            Matcher number = CALL_NUMBER.matcher(body);
            int n = number.find() ? Integer.parseInt(number.group(1)) : -1;
            boolean stream = body.contains("\"stream\":true");
            String chunk = "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},"
                    + "\"finish_reason\":%s}]}\n\n";
            switch (behaviour(n)) {
                case "500" -> connection.writeJson(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}");
                case "reset" -> {
                    connection.reset();
                    return;
                }
                case "malformed" -> connection.writeJson(200, "{\"choices\":[{");
                case "stall" -> {
                    connection.awaitClientClose(60_000);
                    return;
                }
                case "truncate" -> {
                    if (stream) {
                        connection.startEventStream();
                        connection.writeChunk(chunk.formatted("answer ", "null"));
                        connection.endChunks();
                    } else {
                        connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100"
                                + "\r\nConnection: close\r\n\r\n{\"choices\":");
                        connection.close();
                        return;
                    }
                }
                default -> {
                    if (stream) {
                        connection.startEventStream();
                        connection.writeChunk(chunk.formatted("answer ", "null"));
                        connection.writeChunk(chunk.formatted(String.valueOf(n), "\"stop\"") + "data: [DONE]\n\n");
                        connection.endChunks();
                    } else {
                        connection.writeJson(200, "{\"id\":\"c\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                                + "\"assistant\",\"content\":\"answer " + n + "\"},\"finish_reason\":\"stop\"}]}");
                    }
                }
            }
        }
    }

    private static int liveThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.getName().startsWith("loopback-server")
                        && !thread.getName().startsWith("ForkJoinPool")).count();
    }

    /** Counts calls started and calls ended, by any of the three ends. */
    static final class CountingListener implements RouterListener {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger ended = new AtomicInteger();

        @Override
        public void callStarted(RouterCall call) {
            started.incrementAndGet();
        }

        @Override
        public void callCompleted(RouterCall call, Usage usage, RouteReport route) {
            ended.incrementAndGet();
        }

        @Override
        public void callFailed(RouterCall call, Throwable error, RouteReport route) {
            ended.incrementAndGet();
        }

        @Override
        public void callCancelled(RouterCall call, RouteReport route) {
            ended.incrementAndGet();
        }
    }
}
