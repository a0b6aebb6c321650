package dev.gomodel.routing;

import java.util.List;

/**
 * Where one call may go, in order: the stage the request named, then each fallback. Each stage
 * is a pool of one or more targets that serve the same model.
 *
 * @param routeKey the name the route policies are looked up by (the request's model as written)
 * @param stages the requested stage first, then the fallbacks; never empty
 */
record Plan(String routeKey, List<Stage> stages) {

    Plan {
        stages = List.copyOf(stages);
    }

    /**
     * One stage: a pool of targets.
     *
     * @param label how the stage was named ({@code "openai/gpt-4o"}, an alias, a bare model)
     * @param pool the targets, in configuration order; never empty
     */
    record Stage(String label, List<Target> pool) {
        Stage {
            pool = List.copyOf(pool);
        }
    }
}
