package dev.gomodel.routing;

import dev.gomodel.error.NoRouteException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * Immutable and thread-safe.
 */
final class ModelResolver {

    private final List<Target> providers;
    private final Map<String, List<String>> aliases;
    private final Map<String, List<String>> fallbacks;

    /**
     * @param providers one target per provider, in configuration order, with a {@code null} model
     * @throws IllegalArgumentException naming the alias or fallback entry that resolves nowhere
     */
    ModelResolver(List<Target> providers, Map<String, List<String>> aliases, Map<String, List<String>> fallbacks) {
        this.providers = List.copyOf(providers);
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

    Plan resolve(String model, String providerHint) {
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
        for (Target provider : providers) {
            if (provider.provider().models().contains(model)) {
                listing.add(at(provider, model));
            }
        }
        if (!listing.isEmpty()) {
            return listing;
        }
        for (Target provider : providers) {
            if (provider.provider().models().isEmpty()) {
                return List.of(at(provider, model));
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
        for (Target target : providers) {
            String models = target.provider().models().isEmpty() ? "any model"
                    : target.provider().models().stream().sorted().collect(Collectors.joining(", "));
            parts.add(target.name() + " (" + target.provider().type() + ": " + models + ")");
        }
        String described = String.join("; ", parts);
        return aliases.isEmpty() ? described : described + "; aliases: " + String.join(", ", aliases.keySet());
    }
}
