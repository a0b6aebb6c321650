package dev.gomodel.routing;

import dev.gomodel.chat.RouteReport;
import dev.gomodel.chat.Usage;
import java.time.Duration;

/**
 * Calls the user's {@link RouterListener} so that nothing it throws reaches a call: each
 * exception is logged at WARNING and dropped.
 */
final class SafeListener implements RouterListener {

    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    private final RouterListener delegate;

    SafeListener(RouterListener delegate) {
        this.delegate = delegate;
    }

    private void guard(String event, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "RouterListener." + event + " threw; the call goes on", e);
        }
    }

    @Override
    public void callStarted(RouterCall call) {
        guard("callStarted", () -> delegate.callStarted(call));
    }

    @Override
    public void attemptStarted(RouterCall call, String provider, String model, int stage, int retry) {
        guard("attemptStarted", () -> delegate.attemptStarted(call, provider, model, stage, retry));
    }

    @Override
    public void attemptFinished(RouterCall call, RouteReport.Attempt attempt) {
        guard("attemptFinished", () -> delegate.attemptFinished(call, attempt));
    }

    @Override
    public void retryScheduled(RouterCall call, Duration wait, Throwable cause) {
        guard("retryScheduled", () -> delegate.retryScheduled(call, wait, cause));
    }

    @Override
    public void firstToken(RouterCall call, Duration sinceStart) {
        guard("firstToken", () -> delegate.firstToken(call, sinceStart));
    }

    @Override
    public void callCompleted(RouterCall call, Usage usage, RouteReport route) {
        guard("callCompleted", () -> delegate.callCompleted(call, usage, route));
    }

    @Override
    public void callFailed(RouterCall call, Throwable error, RouteReport route) {
        guard("callFailed", () -> delegate.callFailed(call, error, route));
    }

    @Override
    public void callCancelled(RouterCall call, RouteReport route) {
        guard("callCancelled", () -> delegate.callCancelled(call, route));
    }
}
