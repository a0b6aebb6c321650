package dev.gomodel.routing;

import dev.gomodel.Provider;
import dev.gomodel.error.NoRouteException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Resolves a request's model and provider hint to a {@link Route}, as GoModel does:
 * <ol>
 *   <li>an explicit provider is authoritative, and a matching {@code provider/} prefix on the
 *       model is stripped once;</li>
 *   <li>otherwise {@code prefix/model} splits at the first {@code /} when the prefix names a
 *       configured provider or provider type;</li>
 *   <li>otherwise the whole string is the model id ({@code meta-llama/Llama-3.3-70B} stays
 *       whole), served by the first provider that lists it, or else by the first provider that
 *       lists no models.</li>
 * </ol>
 * Immutable and thread-safe.
 */
final class ModelResolver {

    private final List<Provider> providers;

    ModelResolver(List<Provider> providers) {
        this.providers = List.copyOf(providers);
    }

    Route resolve(String model, String providerHint) {
        if (providerHint != null) {
            Provider provider = named(providerHint);
            if (provider == null) {
                throw new NoRouteException("no provider named \"" + providerHint + "\" is configured; configured: "
                        + describe());
            }
            String prefix = providerHint + "/";
            return new Route(provider, model.startsWith(prefix) ? afterPrefix(model, prefix.length()) : model);
        }
        int slash = model.indexOf('/');
        if (slash > 0) {
            Provider provider = named(model.substring(0, slash));
            if (provider != null) {
                return new Route(provider, afterPrefix(model, slash + 1));
            }
        }
        for (Provider provider : providers) {
            if (provider.models().contains(model)) {
                return new Route(provider, model);
            }
        }
        for (Provider provider : providers) {
            if (provider.models().isEmpty()) {
                return new Route(provider, model);
            }
        }
        throw new NoRouteException("no configured provider serves model \"" + model + "\"; configured: " + describe());
    }

    /**
     * The model id after a provider prefix of {@code prefixLength} characters. Without this
     * check {@code "openai/"} became a blank model and failed later as "model must not be
     * blank", which is not what the caller wrote.
     */
    private static String afterPrefix(String model, int prefixLength) {
        String bare = model.substring(prefixLength);
        if (bare.isBlank()) {
            throw new IllegalArgumentException("model \"" + model + "\" has no model id after the provider prefix \""
                    + model.substring(0, prefixLength) + "\": expected a model id such as \"openai/gpt-4o-mini\"");
        }
        return bare;
    }

    /** The provider with this name, else the first of this type, else {@code null}. */
    private Provider named(String nameOrType) {
        for (Provider provider : providers) {
            if (provider.name().equals(nameOrType)) {
                return provider;
            }
        }
        for (Provider provider : providers) {
            if (provider.type().equals(nameOrType)) {
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
        for (Provider provider : providers) {
            String models = provider.models().isEmpty() ? "any model"
                    : provider.models().stream().sorted().collect(Collectors.joining(", "));
            parts.add(provider.name() + " (" + provider.type() + ": " + models + ")");
        }
        return String.join("; ", parts);
    }
}
