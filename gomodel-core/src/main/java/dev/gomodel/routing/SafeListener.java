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

    private static void threw(String event, RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "RouterListener." + event + " threw; the call goes on", e);
    }

    @Override
    public void callStarted(RouterCall call) {
        try {
            delegate.callStarted(call);
        } catch (RuntimeException e) {
            threw("callStarted", e);
        }
    }

    @Override
    public void attemptStarted(RouterCall call, String provider, String model, int stage, int retry) {
        try {
            delegate.attemptStarted(call, provider, model, stage, retry);
        } catch (RuntimeException e) {
            threw("attemptStarted", e);
        }
    }

    @Override
    public void attemptFinished(RouterCall call, RouteReport.Attempt attempt) {
        try {
            delegate.attemptFinished(call, attempt);
        } catch (RuntimeException e) {
            threw("attemptFinished", e);
        }
    }

    @Override
    public void retryScheduled(RouterCall call, Duration wait, Throwable cause) {
        try {
            delegate.retryScheduled(call, wait, cause);
        } catch (RuntimeException e) {
            threw("retryScheduled", e);
        }
    }

    @Override
    public void firstToken(RouterCall call, Duration sinceStart) {
        try {
            delegate.firstToken(call, sinceStart);
        } catch (RuntimeException e) {
            threw("firstToken", e);
        }
    }

    @Override
    public void callCompleted(RouterCall call, Usage usage, RouteReport route) {
        try {
            delegate.callCompleted(call, usage, route);
        } catch (RuntimeException e) {
            threw("callCompleted", e);
        }
    }

    @Override
    public void callFailed(RouterCall call, Throwable error, RouteReport route) {
        try {
            delegate.callFailed(call, error, route);
        } catch (RuntimeException e) {
            threw("callFailed", e);
        }
    }

    @Override
    public void callCancelled(RouterCall call, RouteReport route) {
        try {
            delegate.callCancelled(call, route);
        } catch (RuntimeException e) {
            threw("callCancelled", e);
        }
    }
}
