package dev.gomodel.providers.http;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A limited number of slots and a first-come, first-served queue of those waiting for one. A
 * waiter is a future that completes when it is given a slot; one that a caller completes first
 * (it timed out or was cancelled) is skipped, so a slot is never handed to a call that is gone.
 * The limit may be lowered while slots are taken: slots then go back without being handed on
 * until the count is under it.
 *
 * <p>Thread-safe. The lock is held only to count and queue, never while a waiter's future is
 * completed (which runs whatever depends on it), and it is a {@link ReentrantLock}, which does
 * not pin a virtual thread on JDK 21.
 */
final class SlotQueue {

    private static final CompletableFuture<Void> TAKEN = CompletableFuture.completedFuture(null);

    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}. */
    private final ArrayDeque<CompletableFuture<Void>> waiters = new ArrayDeque<>();
    /** Guarded by {@link #lock}. */
    private int limit;
    /** Guarded by {@link #lock}. */
    private int taken;

    SlotQueue(int limit) {
        this.limit = limit;
    }

    /**
     * Takes a slot: a completed future when one is free and nobody waits, else a future that
     * completes when a slot is handed over. A caller that stops waiting completes the future
     * exceptionally itself and calls {@link #forget}.
     *
     * @param first whether to wait ahead of everyone else (a call that already waited once)
     */
    CompletableFuture<Void> take(boolean first) {
        lock.lock();
        try {
            if (taken < limit && waiters.isEmpty()) {
                taken++;
                return TAKEN;
            }
            CompletableFuture<Void> waiter = new CompletableFuture<>();
            if (first) {
                waiters.addFirst(waiter);
            } else {
                waiters.addLast(waiter);
            }
            return waiter;
        } finally {
            lock.unlock();
        }
    }

    /** Gives a slot back: to the first waiter still waiting, else to the pool. */
    void give() {
        while (true) {
            CompletableFuture<Void> next;
            lock.lock();
            try {
                next = taken > limit ? null : waiters.poll();
                if (next == null) {
                    taken--;
                    return;
                }
            } finally {
                lock.unlock();
            }
            if (next.complete(null)) {
                return;
            }
        }
    }

    /** Drops a waiter that stopped waiting; its future was completed by the caller. */
    void forget(CompletableFuture<Void> waiter) {
        lock.lock();
        try {
            waiters.remove(waiter);
        } finally {
            lock.unlock();
        }
    }

    /** How many slots are taken now. */
    int taken() {
        lock.lock();
        try {
            return taken;
        } finally {
            lock.unlock();
        }
    }

    int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The holder of a slot was refused for too many in use: lowers the limit to one under the
     * slots taken now (at least one), unless it is lower already. Returns the limit.
     */
    int refused() {
        lock.lock();
        try {
            limit = Math.max(1, Math.min(limit, taken - 1));
            return limit;
        } finally {
            lock.unlock();
        }
    }
}
