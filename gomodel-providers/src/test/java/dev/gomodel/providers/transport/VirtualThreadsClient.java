package dev.gomodel.providers.transport;

import dev.gomodel.chat.ChatRequest;
import dev.gomodel.providers.openai.OpenAiProvider;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The client side of {@link VirtualThreadsTest}, run on JDK 21 or later: blocking creates and
 * blocking streams, each on a virtual thread of its own, more at once than the provider's
 * concurrency limit, over HTTPS. Compiled for Java 17, so virtual threads are reached by
 * reflection. Prints {@code key=value} lines.
 *
 * <p>Arguments: base URL, trust store file, its password, number of calls.
 */
public final class VirtualThreadsClient {

    private VirtualThreadsClient() {
    }

    public static void main(String[] args) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            trust.load(in, args[2].toCharArray());
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trustManagers.getTrustManagers(), null);
        int calls = Integer.parseInt(args[3]);

        ExecutorService virtualThreads = (ExecutorService) Executors.class
                .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        try (OpenAiProvider provider = OpenAiProvider.builder().baseUrl(args[0]).sslContext(tls)
                .concurrencyLimit(64, Duration.ofSeconds(60)).build()) {
            // One of each first, so that classes are initialised before the burst: a virtual thread that
            // waits for another to initialise a class is pinned, once per class, whatever the code.
            ChatRequest warmUp = ChatRequest.builder().model("m").user("hi").build();
            provider.create(warmUp);
            try (var chunks = provider.streamBlocking(warmUp)) {
                chunks.forEach(chunk -> { });
            }
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                boolean stream = i % 2 == 1;
                running.add(virtualThreads.submit(() -> {
                    if (!Thread.currentThread().getClass().getName().contains("Virtual")) {
                        throw new IllegalStateException("not a virtual thread: " + Thread.currentThread());
                    }
                    ChatRequest request = ChatRequest.builder().model("m").user("hi").build();
                    if (stream) {
                        StringBuilder text = new StringBuilder();
                        try (var chunks = provider.streamBlocking(request)) {
                            chunks.forEach(chunk -> text.append(chunk.text() == null ? "" : chunk.text()));
                        }
                        if (!text.toString().equals("Hello")) {
                            throw new IllegalStateException("stream said " + text);
                        }
                    } else if (!"hi".equals(provider.create(request).text())) {
                        throw new IllegalStateException("create said something else");
                    }
                    ok.incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> each : running) {
                try {
                    each.get(2, TimeUnit.MINUTES);
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(String.valueOf(e.getCause()));
                    }
                }
            }
        }
        virtualThreads.shutdown();
        System.out.println("java=" + Runtime.version().feature());
        System.out.println("ok=" + ok.get());
        System.out.println("failures=" + failures.size() + (failures.isEmpty() ? "" : " first: " + failures.get(0)));
        System.out.flush();
        System.exit(0);
    }
}
