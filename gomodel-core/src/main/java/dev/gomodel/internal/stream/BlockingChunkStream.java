package dev.gomodel.internal.stream;

import dev.gomodel.ChunkStream;
import dev.gomodel.chat.ChatCompletion;
import dev.gomodel.chat.ChatCompletionAccumulator;
import dev.gomodel.chat.ChatCompletionChunk;
import dev.gomodel.error.GoModelException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link ChunkStream} fed by a {@link Flow.Subscriber}. It keeps a small window of chunks
 * requested ahead ({@value #WINDOW}), so the reading thread blocks only when the upstream is
 * slower than it; the body is never read further ahead than the window.
 *
 * <p>The subscriber side and the reading thread meet under one lock; the reading thread is the
 * only one that blocks.
 */
public final class BlockingChunkStream implements ChunkStream, Flow.Subscriber<ChatCompletionChunk> {

    static final int WINDOW = 16;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ChatCompletionChunk> buffered = new ArrayDeque<>();
    private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    private Flow.Subscription subscription;
    private boolean completed;
    private Throwable failure;
    private boolean closed;
    private boolean iterated;
    private int consumedSinceRequest;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        boolean cancelNow;
        lock.lock();
        try {
            this.subscription = subscription;
            cancelNow = closed;
        } finally {
            lock.unlock();
        }
        if (cancelNow) {
            subscription.cancel();
        } else {
            subscription.request(WINDOW);
        }
    }

    @Override
    public void onNext(ChatCompletionChunk chunk) {
        lock.lock();
        try {
            buffered.add(chunk);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onError(Throwable error) {
        lock.lock();
        try {
            failure = error;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onComplete() {
        lock.lock();
        try {
            completed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Iterator<ChatCompletionChunk> iterator() {
        lock.lock();
        try {
            if (iterated) {
                throw new IllegalStateException("a ChunkStream can be iterated only once");
            }
            iterated = true;
        } finally {
            lock.unlock();
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return awaitNext();
            }

            @Override
            public ChatCompletionChunk next() {
                if (!awaitNext()) {
                    throw new NoSuchElementException();
                }
                return take();
            }
        };
    }

    private boolean awaitNext() {
        lock.lock();
        try {
            while (buffered.isEmpty() && !completed && failure == null && !closed) {
                changed.awaitUninterruptibly();
            }
            if (!buffered.isEmpty()) {
                return true;
            }
            if (failure != null) {
                throw failure instanceof RuntimeException runtime ? runtime
                        : new GoModelException("stream failed: " + failure, null, failure);
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    private ChatCompletionChunk take() {
        ChatCompletionChunk chunk;
        Flow.Subscription toRequest = null;
        lock.lock();
        try {
            chunk = buffered.poll();
            accumulator.accept(chunk);
            if (++consumedSinceRequest == WINDOW / 2) {
                consumedSinceRequest = 0;
                toRequest = subscription;
            }
        } finally {
            lock.unlock();
        }
        if (toRequest != null) {
            toRequest.request(WINDOW / 2);
        }
        return chunk;
    }

    @Override
    public ChatCompletion completion() {
        lock.lock();
        try {
            ChatCompletion completion = accumulator.result();
            return subscription instanceof RouteReporting routed ? completion.withRoute(routed.route()) : completion;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        Flow.Subscription toCancel;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            toCancel = completed || failure != null ? null : subscription;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
    }
}
