package dev.gomodel.routing;

import dev.gomodel.error.NoRouteException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Turns a request's model and provider hint into a {@link Plan}, as GoModel resolves models:
 * <ol>
 *   <li>an explicit provider is authoritative, and a matching {@code provider/} prefix on the
 *       model is stripped once; aliases do not apply;</li>
 *   <li>otherwise an alias is replaced by its targets, which form one pool;</li>
 *   <li>otherwise {@code prefix/model} splits at the first {@code /} when the prefix names a
 *       configured provider or provider type;</li>
 *   <li>otherwise the whole string is the model id ({@code meta-llama/Llama-3.3-70B} stays
 *       whole): every provider that lists it forms the pool, or else the first provider that
 *       lists no models serves it.</li>
 * </ol>
 * Fallbacks configured for the model (as written, or as resolved) follow as further stages.
 *
 * <p>A plan depends only on the model, the hint and the configuration, which is fixed at
 * construction: the providers' names, types and {@link dev.gomodel.Provider#models() models}
 * (read once, here), the aliases and the fallbacks. So plans are remembered by hint and model,
 * and a model's later calls get the same {@link Plan} object. The memory holds at most
 * {@value #MAX_PLANS} plans per hint and {@value #MAX_HINTS} hints; when one is full it is
 * emptied and fills again, so model names that keep changing cost a resolution each, never
 * unbounded memory; names and hints longer than {@value #MAX_REMEMBERED_LENGTH} characters are
 * never remembered, so the memory's size does not depend on what callers send. A model that
 * resolves nowhere is not remembered and fails every time.
 *
 * <p>Thread-safe: the configuration is immutable and the memory is concurrent maps of
 * immutable plans; two threads resolving one model at once may each build an equal plan.
 */
final class ModelResolver {

    /** The most plans remembered for one provider hint (or for none). */
    static final int MAX_PLANS = 1024;

    /** The most distinct provider hints whose plans are remembered. */
    static final int MAX_HINTS = 64;

    /** The longest model name or hint remembered: longer ones, no real model's, are resolved each time. */
    static final int MAX_REMEMBERED_LENGTH = 256;

    private final List<Target> providers;
    private final List<Set<String>> models;
    private final Map<String, List<String>> aliases;
    private final Map<String, List<String>> fallbacks;
    private final ConcurrentHashMap<String, Plan> unhinted = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Plan>> hinted = new ConcurrentHashMap<>();

    /**
     * @param providers one target per provider, in configuration order, with a {@code null} model
     * @throws IllegalArgumentException naming the alias or fallback entry that resolves nowhere
     */
    ModelResolver(List<Target> providers, Map<String, List<String>> aliases, Map<String, List<String>> fallbacks) {
        this.providers = List.copyOf(providers);
        List<Set<String>> listed = new ArrayList<>();
        for (Target provider : this.providers) {
            listed.add(Collections.unmodifiableSet(new HashSet<>(provider.provider().models())));
        }
        this.models = List.copyOf(listed);
        this.aliases = Map.copyOf(aliases);
        this.fallbacks = Map.copyOf(fallbacks);
        checkTargets(aliases, "aliases");
        checkTargets(fallbacks, "fallbacks");
    }

    private void checkTargets(Map<String, List<String>> entries, String key) {
        entries.forEach((name, targets) -> {
            for (int i = 0; i < targets.size(); i++) {
                try {
                    resolveTarget(targets.get(i));
                } catch (NoRouteException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + "." + name + "[" + i + "]: " + e.getMessage(), e);
                }
            }
        });
    }

    /**
     * The plan of a request with this model and provider hint ({@code null} for none).
     *
     * @throws NoRouteException if no configured provider serves the model or has the hint's name
     * @throws IllegalArgumentException if a provider prefix has no model id after it
     */
    Plan resolve(String model, String providerHint) {
        ConcurrentHashMap<String, Plan> plans = providerHint == null ? unhinted : hinted.get(providerHint);
        Plan plan = plans == null ? null : plans.get(model);
        if (plan != null) {
            return plan;
        }
        plan = resolveNow(model, providerHint);
        if (model.length() > MAX_REMEMBERED_LENGTH
                || providerHint != null && providerHint.length() > MAX_REMEMBERED_LENGTH) {
            return plan;
        }
        if (plans == null) {
            if (hinted.size() >= MAX_HINTS) {
                hinted.clear();
            }
            plans = hinted.computeIfAbsent(providerHint, hint -> new ConcurrentHashMap<>());
        }
        if (plans.size() >= MAX_PLANS) {
            plans.clear();
        }
        plans.put(model, plan);
        return plan;
    }

    private Plan resolveNow(String model, String providerHint) {
        List<Target> primary;
        if (providerHint != null) {
            Target provider = named(providerHint);
            Target gateway = provider == null ? gateway() : null;
            if (gateway != null) {
                // No provider of that name here: a gateway routes the hint itself.
                primary = List.of(new Target(gateway.provider(), gateway.state(), model, true));
            } else if (provider == null) {
                throw new NoRouteException("no provider named \"" + providerHint + "\" is configured; configured: "
                        + describe());
            } else {
                String prefix = providerHint + "/";
                primary = List.of(at(provider, model.startsWith(prefix) ? afterPrefix(model, prefix.length()) : model));
            }
        } else if (aliases.containsKey(model)) {
            LinkedHashSet<Target> pool = new LinkedHashSet<>();
            for (String target : aliases.get(model)) {
                pool.addAll(resolveTarget(target));
            }
            primary = new ArrayList<>(pool);
        } else {
            primary = resolveTarget(model);
        }
        List<Plan.Stage> stages = new ArrayList<>();
        stages.add(new Plan.Stage(providerHint == null ? model : providerHint + "/" + primary.get(0).model(), primary));
        List<String> fallbackTargets = fallbacks.get(model);
        if (fallbackTargets == null) {
            fallbackTargets = fallbacks.get(primary.get(0).model());
        }
        if (fallbackTargets != null) {
            for (String target : fallbackTargets) {
                stages.add(new Plan.Stage(target, resolveTarget(target)));
            }
        }
        return new Plan(model, stages);
    }

    /** Resolves {@code provider/model} or a bare model, without aliases. */
    private List<Target> resolveTarget(String model) {
        int slash = model.indexOf('/');
        if (slash > 0) {
            Target provider = named(model.substring(0, slash));
            if (provider != null) {
                return List.of(at(provider, afterPrefix(model, slash + 1)));
            }
        }
        List<Target> listing = new ArrayList<>();
        for (int i = 0; i < providers.size(); i++) {
            if (models.get(i).contains(model)) {
                listing.add(at(providers.get(i), model));
            }
        }
        if (!listing.isEmpty()) {
            return listing;
        }
        for (int i = 0; i < providers.size(); i++) {
            if (models.get(i).isEmpty()) {
                return List.of(at(providers.get(i), model));
            }
        }
        throw new NoRouteException("no configured provider serves model \"" + model + "\"; configured: " + describe());
    }

    private static Target at(Target provider, String model) {
        return new Target(provider.provider(), provider.state(), model);
    }

    private static String afterPrefix(String model, int start) {
        String bare = model.substring(start);
        if (bare.isBlank()) {
            throw new IllegalArgumentException("model \"" + model + "\" has no model id after the provider prefix \""
                    + model.substring(0, start) + "\"");
        }
        return bare;
    }

    /** The first provider that forwards routing to a gateway, or {@code null}. */
    private Target gateway() {
        for (Target provider : providers) {
            if (provider.provider().forwardsRouting()) {
                return provider;
            }
        }
        return null;
    }

    /** The provider with this name, else the first of this type, else {@code null}. */
    private Target named(String nameOrType) {
        for (Target provider : providers) {
            if (provider.name().equals(nameOrType)) {
                return provider;
            }
        }
        for (Target provider : providers) {
            if (provider.provider().type().equals(nameOrType)) {
                return provider;
            }
        }
        return null;
    }

    private String describe() {
        if (providers.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < providers.size(); i++) {
            Target target = providers.get(i);
            Set<String> listed = models.get(i);
            String served = listed.isEmpty() ? "any model" : listed.stream().sorted().collect(Collectors.joining(", "));
            parts.add(target.name() + " (" + target.provider().type() + ": " + served + ")");
        }
        String described = String.join("; ", parts);
        return aliases.isEmpty() ? described : described + "; aliases: " + String.join(", ", aliases.keySet());
    }
}
