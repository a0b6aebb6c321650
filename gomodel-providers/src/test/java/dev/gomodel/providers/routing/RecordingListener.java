package dev.gomodel.providers.routing;

import dev.gomodel.chat.RouteReport;
import dev.gomodel.chat.Usage;
import dev.gomodel.routing.RouterCall;
import dev.gomodel.routing.RouterListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the router's events as short strings, in order. */
final class RecordingListener implements RouterListener {

    final List<String> events = new CopyOnWriteArrayList<>();
    volatile RouteReport lastRoute;

    @Override
    public void callStarted(RouterCall call) {
        events.add("start " + call.model());
    }

    @Override
    public void attemptStarted(RouterCall call, String provider, String model, int stage, int retry) {
        events.add("attempt " + provider + " stage " + stage + " retry " + retry);
    }

    @Override
    public void attemptFinished(RouterCall call, RouteReport.Attempt attempt) {
        events.add("finished " + attempt.provider() + " " + attempt.outcome());
    }

    @Override
    public void retryScheduled(RouterCall call, Duration wait, Throwable cause) {
        events.add("retry after " + cause.getClass().getSimpleName());
    }

    @Override
    public void firstToken(RouterCall call, Duration sinceStart) {
        events.add("first token");
    }

    @Override
    public void callCompleted(RouterCall call, Usage usage, RouteReport route) {
        lastRoute = route;
        events.add("completed" + (usage == null ? "" : " " + usage.totalTokens() + " tokens"));
    }

    @Override
    public void callFailed(RouterCall call, Throwable error, RouteReport route) {
        lastRoute = route;
        events.add("failed " + error.getClass().getSimpleName());
    }

    @Override
    public void callCancelled(RouterCall call, RouteReport route) {
        lastRoute = route;
        events.add("cancelled");
    }
}
