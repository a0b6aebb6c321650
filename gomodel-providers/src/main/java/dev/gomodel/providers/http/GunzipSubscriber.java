package dev.gomodel.providers.http;

import dev.gomodel.error.MalformedResponseException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes a {@code Content-Encoding: gzip} body (RFC 1952, one or more members) as it arrives,
 * and hands the decoded bytes to the body subscriber it wraps, which never sees the encoding.
 *
 * <p>Demand passes through: each buffer the downstream requests is at most
 * {@value #OUT_BYTES} decoded bytes, made from the compressed input already received, and a
 * compressed buffer is requested from the JDK only when that input is used up. So a few
 * kilobytes that inflate to gigabytes (a compression bomb) are decoded only as fast as the
 * downstream reads, and its own size limit (the largest body, the largest stream event) ends
 * the exchange with a {@link MalformedResponseException}, as it would without compression. A
 * corrupt or truncated body, or a CRC that does not match, fails the same way.
 *
 * <p>Thread-safety: the JDK's signals are serial; {@code request} may come from any thread, and
 * decoding runs in one drain loop at a time, so the downstream's signals stay serial.
 */
final class GunzipSubscriber<T> implements HttpResponse.BodySubscriber<T> {

    /** The most decoded bytes handed over in one buffer. */
    static final int OUT_BYTES = 16 * 1024;

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private enum State { HEADER, BODY, TRAILER, DONE }

    private final HttpResponse.BodySubscriber<T> downstream;
    private final String provider;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    /** Compressed buffers received and not yet used up; touched only inside the drain loop or in onNext before it. */
    private final ArrayDeque<ByteBuffer> input = new ArrayDeque<>();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicLong demand = new AtomicLong();
    private final byte[] header = new byte[10];
    private Flow.Subscription upstream;
    private State state = State.HEADER;
    private int headerLength;
    /** The flag bits of the member's header while its optional fields are skipped. */
    private int flags;
    private int extraLeft = -1;
    private final byte[] trailer = new byte[8];
    private int trailerLength;
    private long memberBytes;
    /** Whether any compressed byte arrived; an empty body decodes to an empty body. */
    private boolean started;
    private volatile boolean upstreamRequested;
    private volatile boolean upstreamDone;
    private volatile boolean terminated;
    private volatile Throwable upstreamError;

    /**
     * {@code subscriber}, fed the decoded body when the response's {@code Content-Encoding} is
     * gzip; as it is when there is none (or {@code identity}); and failed with a
     * {@link MalformedResponseException} naming the encoding for any other, which the library
     * never asks for.
     */
    static <T> HttpResponse.BodySubscriber<T> decoding(HttpResponse.ResponseInfo info,
            HttpResponse.BodySubscriber<T> subscriber, String provider) {
        String encoding = info.headers().firstValue("content-encoding").orElse("").trim().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity")) {
            return subscriber;
        }
        if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
            return new GunzipSubscriber<>(subscriber, provider);
        }
        MalformedResponseException unsupported = new MalformedResponseException("the body is encoded as \""
                + encoding + "\", which gomodel-java does not decode (it asks for gzip or none)", provider, null, null);
        return new HttpResponse.BodySubscriber<T>() {
            @Override
            public CompletionStage<T> getBody() {
                return subscriber.getBody();
            }

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                    }

                    @Override
                    public void cancel() {
                    }
                });
                // The outcome first, then the cancel, for the reason given in fail().
                subscriber.onError(unsupported);
                subscription.cancel();
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        };
    }

    GunzipSubscriber(HttpResponse.BodySubscriber<T> downstream, String provider) {
        this.downstream = downstream;
        this.provider = provider;
    }

    @Override
    public CompletionStage<T> getBody() {
        return downstream.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        upstream = subscription;
        downstream.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    subscription.request(n);
                    return;
                }
                demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
                drain();
            }

            @Override
            public void cancel() {
                terminated = true;
                subscription.cancel();
                drain();
            }
        });
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        synchronized (input) {
            input.addAll(buffers);
        }
        upstreamRequested = false;
        drain();
    }

    @Override
    public void onError(Throwable throwable) {
        upstreamError = throwable;
        upstreamDone = true;
        drain();
    }

    @Override
    public void onComplete() {
        upstreamDone = true;
        drain();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            try {
                step();
            } catch (DataFormatException | RuntimeException e) {
                fail(new MalformedResponseException("the gzip-encoded body is corrupt: " + e.getMessage(), provider,
                        null, e));
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    /** Hands over decoded buffers while there is demand, and asks for more input when it runs out. */
    private void step() throws DataFormatException {
        while (!terminated) {
            if (demand.get() > 0) {
                ByteBuffer out = decode();
                if (out != null) {
                    demand.decrementAndGet();
                    downstream.onNext(List.of(out));
                    continue;
                }
                // The input at hand is used up.
                if (upstreamDone) {
                    finish();
                } else if (!upstreamRequested) {
                    upstreamRequested = true;
                    upstream.request(1);
                }
                return;
            }
            // No demand: the end may still be signalled once everything was decoded.
            if (upstreamDone && !hasInput() && (state == State.DONE || upstreamError != null || !started)) {
                finish();
            }
            return;
        }
    }

    /** The body ended and the input is used up: complete if the last member was whole, else fail. */
    private void finish() {
        terminated = true;
        inflater.end();
        Throwable error = upstreamError;
        if (error != null) {
            downstream.onError(error);
        } else if (started && state != State.DONE) {
            downstream.onError(new MalformedResponseException("the gzip-encoded body ended before its end", provider,
                    null, null));
        } else {
            downstream.onComplete();
        }
    }

    private boolean hasInput() {
        synchronized (input) {
            while (!input.isEmpty() && !input.peek().hasRemaining()) {
                input.poll();
            }
            return !input.isEmpty();
        }
    }

    private ByteBuffer current() {
        synchronized (input) {
            return hasInput() ? input.peek() : null;
        }
    }

    /** Decodes up to {@link #OUT_BYTES} bytes; {@code null} when the input at hand yields none. */
    private ByteBuffer decode() throws DataFormatException {
        while (true) {
            ByteBuffer in = current();
            switch (state) {
                case HEADER -> {
                    if (in != null) {
                        started = true;
                    }
                    if (in == null || !readHeader(in)) {
                        return null;
                    }
                }
                case BODY -> {
                    if (inflater.needsInput()) {
                        if (in == null) {
                            return null;
                        }
                        inflater.setInput(in);
                    }
                    byte[] out = new byte[OUT_BYTES];
                    int produced = inflater.inflate(out);
                    if (inflater.finished()) {
                        // The input buffer's position stops where the deflate data ends: the trailer follows.
                        state = State.TRAILER;
                        trailerLength = 0;
                    } else if (produced == 0 && inflater.needsDictionary()) {
                        throw new DataFormatException("a preset dictionary is not allowed");
                    }
                    if (produced > 0) {
                        crc.update(out, 0, produced);
                        memberBytes += produced;
                        return ByteBuffer.wrap(out, 0, produced);
                    }
                    if (state == State.BODY && inflater.needsInput() && current() == null) {
                        return null;
                    }
                }
                case TRAILER -> {
                    if (in == null) {
                        return null;
                    }
                    while (trailerLength < 8 && in.hasRemaining()) {
                        trailer[trailerLength++] = in.get();
                    }
                    if (trailerLength < 8) {
                        continue;
                    }
                    long expectedCrc = le32(trailer, 0);
                    long expectedSize = le32(trailer, 4);
                    if (expectedCrc != crc.getValue() || expectedSize != (memberBytes & 0xFFFFFFFFL)) {
                        throw new DataFormatException("its CRC or length does not match what it decoded to");
                    }
                    state = State.DONE;
                }
                case DONE -> {
                    if (in == null) {
                        return null;
                    }
                    // Another member follows.
                    state = State.HEADER;
                    headerLength = 0;
                    extraLeft = -1;
                    inflater.reset();
                    crc.reset();
                    memberBytes = 0;
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    /** Reads the member's header from {@code in}; true once it is whole. */
    private boolean readHeader(ByteBuffer in) throws DataFormatException {
        while (headerLength < 10) {
            if (!in.hasRemaining()) {
                return false;
            }
            header[headerLength++] = in.get();
            if (headerLength == 2 && ((header[0] & 0xFF) != 0x1F || (header[1] & 0xFF) != 0x8B)) {
                throw new DataFormatException("it does not start like gzip");
            }
            if (headerLength == 3 && header[2] != 8) {
                throw new DataFormatException("its compression method is not deflate");
            }
            if (headerLength == 10) {
                flags = header[3] & 0xFF;
            }
        }
        if ((flags & FEXTRA) != 0) {
            if (extraLeft < 0) {
                if (in.remaining() < 2) {
                    return false;
                }
                extraLeft = (in.get() & 0xFF) | (in.get() & 0xFF) << 8;
            }
            int skip = Math.min(extraLeft, in.remaining());
            in.position(in.position() + skip);
            extraLeft -= skip;
            if (extraLeft > 0) {
                return false;
            }
            flags &= ~FEXTRA;
        }
        for (int field : new int[] {FNAME, FCOMMENT}) {
            if ((flags & field) != 0) {
                while (true) {
                    if (!in.hasRemaining()) {
                        return false;
                    }
                    if (in.get() == 0) {
                        break;
                    }
                }
                flags &= ~field;
            }
        }
        if ((flags & FHCRC) != 0) {
            if (in.remaining() < 2) {
                return false;
            }
            in.position(in.position() + 2);
            flags &= ~FHCRC;
        }
        state = State.BODY;
        return true;
    }

    private void fail(MalformedResponseException error) {
        if (terminated) {
            return;
        }
        terminated = true;
        // The downstream first: over HTTP/2 the JDK fails the exchange with its own "stream
        // cancelled" unless the body's outcome is already known.
        downstream.onError(error);
        upstream.cancel();
        inflater.end();
    }

    private static long le32(byte[] bytes, int at) {
        return (bytes[at] & 0xFFL) | (bytes[at + 1] & 0xFFL) << 8 | (bytes[at + 2] & 0xFFL) << 16
                | (bytes[at + 3] & 0xFFL) << 24;
    }
}
