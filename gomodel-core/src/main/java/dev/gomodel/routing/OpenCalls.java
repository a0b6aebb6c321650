package dev.gomodel.routing;

import dev.gomodel.error.GoModelException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The router's calls that have not ended, so that closing the router can end them at once,
 * including one waiting out a retry's back-off, instead of leaving them to fail one by one
 * against closed providers.
 *
 * <p>Thread-safe. A call that opens while the router closes is ended by whichever of the two
 * comes second: {@link #closeAll} sees it, or {@link #open} sees the router closed.
 */
final class OpenCalls {

    /** A call that can be ended from outside. */
    interface Call {
        /** Ends the call with {@code reason} unless it already ended. */
        void close(GoModelException reason);
    }

    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private volatile GoModelException closedBy;

    /** Tracks {@code call} until {@link #ended}; closes it at once if the router already closed. */
    void open(Call call) {
        calls.add(call);
        GoModelException reason = closedBy;
        if (reason != null && calls.remove(call)) {
            call.close(reason);
        }
    }

    void ended(Call call) {
        calls.remove(call);
    }

    /** Ends every open call, and any opened later, with {@code reason}. */
    void closeAll(GoModelException reason) {
        closedBy = reason;
        for (Call call : calls) {
            if (calls.remove(call)) {
                call.close(reason);
            }
        }
    }

    int size() {
        return calls.size();
    }
}
