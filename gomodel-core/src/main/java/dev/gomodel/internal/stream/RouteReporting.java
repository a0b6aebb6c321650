package dev.gomodel.internal.stream;

import dev.gomodel.chat.RouteReport;

/**
 * A subscription that knows how its stream was routed. The subscribers that fold a stream into
 * a completion attach the report to it, so a streamed completion reports its route as a created
 * one does.
 */
public interface RouteReporting {

    /** The route so far; complete once the stream has signalled its end. */
    RouteReport route();
}
