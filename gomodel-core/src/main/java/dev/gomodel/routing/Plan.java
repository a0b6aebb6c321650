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
     * @param states each target's provider state, in the pool's order, as the balancer takes them
     */
    record Stage(String label, List<Target> pool, List<ProviderState> states) {
        Stage {
            pool = List.copyOf(pool);
            states = List.copyOf(states);
            if (states.size() != pool.size()) {
                throw new IllegalArgumentException("a state per target: " + states.size() + " for " + pool.size());
            }
        }

        Stage(String label, List<Target> pool) {
            this(label, pool, pool.stream().map(Target::state).toList());
        }
    }
}
