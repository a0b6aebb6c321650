package dev.gomodel.providers.transport;

import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.chat.ChatRequest;
import dev.gomodel.providers.openai.OpenAiProvider;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The client side of {@link PausedStreamsTest}, in a JVM of its own with a small heap: opens
 * {@code streams} streams whose subscribers take one chunk and then pause, lets the transport read
 * ahead as far as it will, measures the heap they hold, then times a {@code create} on the same
 * provider. Prints {@code key=value} lines for the test to read.
 *
 * <p>Arguments: base URL, trust store file (PKCS12), its password, number of paused streams, and
 * optionally the HTTP version of streams ({@code HTTP_1_1}, the default, or {@code HTTP_2}).
 */
public final class PausedStreamsClient {

    private PausedStreamsClient() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            trust.load(in, args[2].toCharArray());
        }
        int streams = Integer.parseInt(args[3]);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trustManagers.getTrustManagers(), null);

        OpenAiProvider.Builder builder = OpenAiProvider.builder().baseUrl(baseUrl).sslContext(tls);
        if (args.length > 4) {
            builder.streamHttpVersion(HttpClient.Version.valueOf(args[4]));
        }
        try (OpenAiProvider provider = builder.build()) {
            // Warm up: one create, so that classes and the connection pool are in place before the baseline.
            provider.create(ChatRequest.builder().model("m").user("quick").build());
            long baseline = usedHeapAfterGc();

            List<Flow.Subscription> paused = new ArrayList<>();
            CountDownLatch firstChunks = new CountDownLatch(streams);
            for (int i = 0; i < streams; i++) {
                provider.stream(ChatRequest.builder().model("m").user("huge").build()).subscribe(new Flow.Subscriber<>() {
                    @Override
                    public void onSubscribe(Flow.Subscription subscription) {
                        synchronized (paused) {
                            paused.add(subscription);
                        }
                        subscription.request(1);
                    }

                    @Override
                    public void onNext(ChatCompletionChunk item) {
                        firstChunks.countDown();
                    }

                    @Override
                    public void onError(Throwable throwable) {
                        System.out.println("streamFailed=" + throwable);
                    }

                    @Override
                    public void onComplete() {
                        System.out.println("streamCompleted");
                    }
                });
            }
            if (!firstChunks.await(30, TimeUnit.SECONDS)) {
                System.out.println("noFirstChunks");
            }
            // Give the transport time to read ahead as far as it will.
            Thread.sleep(Long.getLong("settle.millis", 2_000));
            long held = usedHeapAfterGc() - baseline;
            System.out.println("heapPerPausedStream=" + Math.max(0, held / streams));

            long start = System.nanoTime();
            Thread createThread = new Thread(() -> {
                try {
                    provider.create(ChatRequest.builder().model("m").user("quick").build());
                    System.out.println("createMillis=" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                } catch (RuntimeException e) {
                    System.out.println("createFailed=" + e);
                }
            });
            createThread.setDaemon(true);
            createThread.start();
            createThread.join(15_000);
            if (createThread.isAlive()) {
                System.out.println("createStalled=15000");
            }
            synchronized (paused) {
                paused.forEach(Flow.Subscription::cancel);
            }
        }
        System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory());
        System.out.flush();
        System.exit(0);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }
}
