package dev.gomodel.providers.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.gomodel.ChatCompletions;
import dev.gomodel.GoModelClient;
import dev.gomodel.Provider;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.chat.RouteReport;
import dev.gomodel.chat.Usage;
import dev.gomodel.error.ApiException;
import dev.gomodel.error.GoModelException;
import dev.gomodel.error.RateLimitException;
import dev.gomodel.error.RequestTimeoutException;
import dev.gomodel.error.StreamInterruptedException;
import dev.gomodel.internal.timer.Timers;
import dev.gomodel.providers.Timeouts;
import dev.gomodel.providers.openai.OpenAiProvider;
import dev.gomodel.providers.testing.LogCapture;
import dev.gomodel.providers.testing.LoopbackServer;
import dev.gomodel.providers.testing.RecordingSubscriber;
import dev.gomodel.routing.RetryPolicy;
import dev.gomodel.routing.Router;
import dev.gomodel.routing.RouterCall;
import dev.gomodel.routing.RouterListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fault matrix: every provider type, create and stream, called directly, through the client
 * (which retries) and through a router with a healthy fallback, against an upstream that
 * misbehaves in each {@link Fault}'s way. Every case must end within its limits with the right
 * typed exception (or the right answer), deliver exactly the text that really arrived, leave no
 * connection open, and never show the API key; the whole matrix must leave no thread or timer
 * behind.
 *
 * <p>Most cases wait on a timeout, so they run {@value #PARALLEL} at a time on a pool of this
 * class's own, each still reported as a test of its own.
 */
class FaultMatrixTest {

    static final String KEY = "sk-fault-matrix-0ddba11-secret";
    static final Duration IDLE = Duration.ofMillis(1_000);
    static final Duration TOTAL = Duration.ofMillis(3_000);
    static final int MAX_RESPONSE_BYTES = 1024 * 1024;
    static final int MAX_EVENT_BYTES = 256 * 1024;
    /** No case may take longer than this, retries included; a hang shows as a failure here. */
    static final long BOUND_SECONDS = 30;
    static final RetryPolicy FAST_RETRY = RetryPolicy.builder().maxRetries(1).initialBackoff(Duration.ofMillis(10))
            .maxRetryAfter(Duration.ofSeconds(5)).build();
    static final String BACKUP_ANSWER = "Hello from the backup";
    /** Provider names, and so the prefixes of their threads' names, used by no other test. */
    static final String FAULTY = "matrix-faulty";
    static final String BACKUP = "matrix-backup";

    /** {@code create} (blocking, on the calling thread), {@code createAsync}, {@code stream}. */
    enum Mode { CREATE, CREATE_ASYNC, STREAM }

    enum Path { DIRECT, CLIENT, ROUTER }

    record Case(WireFormat format, Mode mode, Path path, Fault fault) {
        @Override
        public String toString() {
            return format + " " + mode + " " + path + " " + fault;
        }
    }

    /** What a case ended with. */
    record Outcome(String text, Throwable error, List<String> violations, RouteReport route, long elapsedMillis) {
    }

    static final int PARALLEL = 8;

    static LogCapture logs;
    static int baselineClientThreads;
    static int baselineTimers;
    static ExecutorService pool;

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (WireFormat format : WireFormat.values()) {
            for (Mode mode : Mode.values()) {
                for (Path path : Path.values()) {
                    for (Fault fault : Fault.values()) {
                        cases.add(new Case(format, mode, path, fault));
                    }
                }
            }
        }
        return cases;
    }

    @BeforeAll
    static void start() {
        logs = new LogCapture();
        baselineClientThreads = threadsNamed("HttpClient-");
        baselineTimers = Timers.pending();
        pool = Executors.newFixedThreadPool(PARALLEL);
    }

    @AfterAll
    static void noThreadTimerOrLogLeftBehindOrShowingTheKey() throws Exception {
        pool.shutdownNow();
        try {
            assertThat(logs.lines()).as("log lines").noneMatch(line -> line.contains(KEY));
            // Threads of providers' own clients end when the providers close; on JDK 17 a closed
            // client's selector thread ends once the client is collected.
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((matrixThreads() > 0 || threadsNamed("HttpClient-") > baselineClientThreads)
                    && System.nanoTime() < end) {
                System.gc();
                Thread.sleep(100);
            }
            assertThat(matrixThreads()).as("provider threads left").isZero();
            assertThat(threadsNamed("HttpClient-")).as("client threads left").isLessThanOrEqualTo(baselineClientThreads);
            // Idle checks of finished calls are cancelled; what may remain ends within one idle period.
            Thread.sleep(IDLE.toMillis() * 2);
            assertThat(Timers.pending()).as("timers left").isLessThanOrEqualTo(baselineTimers);
        } finally {
            logs.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> theCallEndsTypedWithWhatArrivedAndLeavesNothingBehind() {
        List<Case> cases = cases();
        List<Future<?>> runs = new ArrayList<>();
        for (Case c : cases) {
            runs.add(pool.submit(() -> {
                run(c);
                return null;
            }));
        }
        return IntStream.range(0, cases.size()).mapToObj(i -> DynamicTest.dynamicTest(cases.get(i).toString(), () -> {
            try {
                runs.get(i).get();
            } catch (ExecutionException e) {
                throw e.getCause();
            }
        }));
    }

    private static void run(Case c) throws Exception {
        boolean stream = c.mode() == Mode.STREAM;
        try (LoopbackServer faulty = new LoopbackServer((connection, n) -> serveIgnoringAClientThatLeft(c, connection));
                LoopbackServer backup = new LoopbackServer(FaultMatrixTest::serveBackup)) {
            String baseUrl = c.fault() == Fault.REFUSED ? refusedBaseUrl() : faulty.baseUrl();
            Timeouts timeouts = Timeouts.defaults().withIdle(IDLE).withTotal(TOTAL);
            Provider provider = c.format().provider(FAULTY, baseUrl, KEY, timeouts, MAX_RESPONSE_BYTES,
                    MAX_EVENT_BYTES);
            TextListener listener = new TextListener();
            AutoCloseable owner;
            ChatCompletions chat;
            switch (c.path()) {
                case DIRECT -> {
                    chat = (ChatCompletions) provider;
                    owner = provider;
                }
                case CLIENT -> {
                    GoModelClient client = GoModelClient.builder().provider(provider)
                            .routing(router -> router.retry(FAST_RETRY).listener(listener)).build();
                    chat = client.chat();
                    owner = client;
                }
                default -> {
                    Provider healthy = OpenAiProvider.builder().name(BACKUP).baseUrl(backup.baseUrl()).apiKey(KEY)
                            .build();
                    Router router = Router.builder().provider(provider).provider(healthy).retry(FAST_RETRY)
                            .fallback("m", BACKUP + "/m").listener(listener).build();
                    chat = router;
                    owner = router;
                }
            }
            Outcome outcome;
            try {
                outcome = switch (c.mode()) {
                    case CREATE -> runBlockingCreate(chat);
                    case CREATE_ASYNC -> runCreate(chat);
                    case STREAM -> runStream(chat, listener);
                };
            } finally {
                owner.close();
            }

            check(c, outcome);
            assertThat(texts(outcome, listener)).as("everything shown to the user").noneMatch(text -> text.contains(KEY));
            assertThat(faulty.awaitNoActiveConnections(10_000)).as("the client let go of every connection").isTrue();
            assertThat(faulty.failures()).as("server script failures").isEmpty();
        }
    }

    private static void check(Case c, Outcome outcome) {
        Fault fault = c.fault();
        boolean stream = c.mode() == Mode.STREAM;
        String arrived = stream ? fault.streamedText(c.format()) : "";
        assertThat(outcome.violations()).as("Flow rules").isEmpty();
        if (fault.error == null) {
            assertThat(outcome.error()).as("error").isNull();
            assertThat(outcome.text()).isEqualTo("Hello!");
            return;
        }
        boolean committed = stream && !arrived.isEmpty() && c.path() != Path.DIRECT;
        if (c.path() == Path.ROUTER && !committed) {
            // The healthy fallback answers, and the route shows what the faulty upstream did.
            assertThat(outcome.error()).as("error").isNull();
            assertThat(outcome.text()).isEqualTo(BACKUP_ANSWER);
            assertThat(outcome.route().servedBy()).isEqualTo(BACKUP);
            assertThat(outcome.route().attempts()).filteredOn(attempt -> attempt.provider().equals(FAULTY))
                    .isNotEmpty().allSatisfy(attempt -> assertTyped(attempt.failure(), fault));
            return;
        }
        assertThat(outcome.text()).as("text delivered before the error").isEqualTo(arrived);
        Throwable error = outcome.error();
        if (committed) {
            assertThat(error).isInstanceOf(StreamInterruptedException.class);
            error = error.getCause();
        }
        assertTyped(error, fault);
        if (fault.phase != null && c.path() == Path.DIRECT) {
            // One attempt ends within its limit, give or take a loaded machine's scheduling.
            Duration limit = fault.phase == RequestTimeoutException.Phase.IDLE ? IDLE : TOTAL;
            assertThat(outcome.elapsedMillis()).as("ended within its %s limit", fault.phase)
                    .isLessThan(limit.toMillis() + 3_000);
        }
        if (fault == Fault.RETRY_AFTER_HUGE) {
            assertThat(outcome.elapsedMillis()).as("a huge Retry-After is not waited for").isLessThan(5_000);
        }
        if (fault == Fault.RETRY_AFTER_BOGUS || fault == Fault.RETRY_AFTER_NEGATIVE) {
            assertThat(((RateLimitException) error).retryAfter()).as("retryAfter").isEmpty();
        }
    }

    private static void assertTyped(Throwable error, Fault fault) {
        assertThat(error).isInstanceOf(fault.error);
        if (fault.phase != null) {
            assertThat(((RequestTimeoutException) error).phase()).isEqualTo(fault.phase);
        }
    }

    private static Outcome runCreate(ChatCompletions chat) throws InterruptedException {
        long start = System.nanoTime();
        CompletableFuture<ChatCompletion> call = chat.createAsync(request());
        try {
            ChatCompletion completion = call.get(BOUND_SECONDS, TimeUnit.SECONDS);
            return new Outcome(completion.text(), null, List.of(),
                    completion.route(), elapsed(start));
        } catch (ExecutionException e) {
            return new Outcome("", e.getCause(), List.of(), null, elapsed(start));
        } catch (TimeoutException e) {
            call.cancel(true);
            return fail("the call did not end within " + BOUND_SECONDS + " s");
        }
    }

    /** The blocking create, on a thread of its own so that a hang shows as a failure instead of stalling the matrix. */
    private static Outcome runBlockingCreate(ChatCompletions chat) throws InterruptedException {
        long start = System.nanoTime();
        CompletableFuture<ChatCompletion> call = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            ChatCompletion completion = null;
            Throwable error = null;
            try {
                completion = chat.create(request());
            } catch (Throwable e) {
                error = e;
            }
            if (Thread.currentThread().isInterrupted()) {
                call.completeExceptionally(new AssertionError("the call left its thread interrupted"));
            } else if (error != null) {
                call.completeExceptionally(error);
            } else {
                call.complete(completion);
            }
        }, "matrix-caller");
        caller.start();
        try {
            ChatCompletion completion = call.get(BOUND_SECONDS, TimeUnit.SECONDS);
            return new Outcome(completion.text(), null, List.of(), completion.route(), elapsed(start));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            return new Outcome("", e.getCause(), List.of(), null, elapsed(start));
        } catch (TimeoutException e) {
            caller.interrupt();
            return fail("the call did not end within " + BOUND_SECONDS + " s");
        }
    }

    private static Outcome runStream(ChatCompletions chat, TextListener listener) throws InterruptedException {
        long start = System.nanoTime();
        RecordingSubscriber<ChatCompletionChunk> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);
        chat.stream(request()).subscribe(subscriber);
        if (!subscriber.awaitTerminal(BOUND_SECONDS, TimeUnit.SECONDS)) {
            subscriber.cancel();
            return fail("the stream did not end within " + BOUND_SECONDS + " s");
        }
        // A second terminal signal would come right after the first; give it the chance to show.
        Thread.sleep(20);
        List<String> violations = new ArrayList<>(subscriber.violations);
        if (subscriber.terminalSignals() != 1) {
            violations.add(subscriber.terminalSignals() + " terminal signals");
        }
        StringBuilder text = new StringBuilder();
        for (ChatCompletionChunk chunk : subscriber.items) {
            for (ChatCompletionChunk.ChunkChoice choice : chunk.choices()) {
                if (choice.delta() != null && choice.delta().text() != null) {
                    text.append(choice.delta().text());
                }
            }
        }
        return new Outcome(text.toString(), subscriber.error(), violations, listener.lastRoute, elapsed(start));
    }

    private static ChatRequest request() {
        return ChatRequest.builder().model("m").maxTokens(64).user("Say hello").build();
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /**
     * Plays the case's fault. A client that hangs up before the script is done is no failure of
     * the script: what the client made of it is what the case checks.
     */
    private static void serveIgnoringAClientThatLeft(Case c, LoopbackServer.Connection connection) throws Exception {
        try {
            c.fault().serve(connection, c.format(), c.mode() == Mode.STREAM);
        } catch (java.net.SocketException clientLeft) {
            connection.close();
        }
    }

    /** A base URL on a loopback port nothing listens on. */
    private static String refusedBaseUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }
    }

    /** A healthy OpenAI-format upstream answering every request on a connection. */
    private static void serveBackup(LoopbackServer.Connection connection, int number) throws IOException {
        String body;
        while ((body = connection.readRequest()) != null) {
            String chunk = "{\"id\":\"b1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"" + BACKUP_ANSWER
                    + "\"},\"finish_reason\":\"stop\"}]}";
            if (body.contains("\"stream\":true")) {
                connection.startEventStream();
                connection.writeChunk("data: " + chunk + "\n\ndata: [DONE]\n\n");
                connection.endChunks();
            } else {
                connection.writeJson(200, "{\"id\":\"b1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                        + BACKUP_ANSWER + "\"},\"finish_reason\":\"stop\"}]}");
            }
        }
    }

    /** Every text a user could see of a call: the error chain, the route report and the router's events. */
    private static List<String> texts(Outcome outcome, TextListener listener) {
        List<String> texts = new ArrayList<>(listener.events);
        describe(outcome.error(), texts, 0);
        if (outcome.route() != null) {
            texts.add(outcome.route().toString());
            for (RouteReport.Attempt attempt : outcome.route().attempts()) {
                describe(attempt.failure(), texts, 0);
            }
        }
        return texts;
    }

    private static void describe(Throwable error, List<String> texts, int depth) {
        if (error == null || depth > 8) {
            return;
        }
        texts.add(String.valueOf(error));
        texts.add(String.valueOf(error.getMessage()));
        if (error instanceof ApiException api) {
            texts.add(String.valueOf(api.bodySnippet()));
        }
        if (error instanceof GoModelException) {
            texts.add(String.valueOf(error.getLocalizedMessage()));
        }
        describe(error.getCause(), texts, depth + 1);
        for (Throwable suppressed : error.getSuppressed()) {
            describe(suppressed, texts, depth + 1);
        }
    }

    private static int matrixThreads() {
        return threadsNamed("gomodel-http-" + FAULTY) + threadsNamed("gomodel-http-" + BACKUP);
    }

    private static int threadsNamed(String prefix) {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(prefix)).count();
    }

    /** Keeps every router event as text, and the last route. */
    static final class TextListener implements RouterListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile RouteReport lastRoute;

        @Override
        public void callStarted(RouterCall call) {
            events.add("started " + call);
        }

        @Override
        public void attemptStarted(RouterCall call, String provider, String model, int stage, int retry) {
            events.add("attempt " + call + " " + provider + " " + model);
        }

        @Override
        public void attemptFinished(RouterCall call, RouteReport.Attempt attempt) {
            events.add("finished " + call + " " + attempt + " " + attempt.failure());
        }

        @Override
        public void retryScheduled(RouterCall call, Duration wait, Throwable cause) {
            events.add("retry " + call + " " + wait + " " + cause);
        }

        @Override
        public void callCompleted(RouterCall call, Usage usage, RouteReport route) {
            lastRoute = route;
            events.add("completed " + call + " " + usage + " " + route);
        }

        @Override
        public void callFailed(RouterCall call, Throwable error, RouteReport route) {
            lastRoute = route;
            events.add("failed " + call + " " + error + " " + route);
        }

        @Override
        public void callCancelled(RouterCall call, RouteReport route) {
            lastRoute = route;
            events.add("cancelled " + call + " " + route);
        }
    }
}
