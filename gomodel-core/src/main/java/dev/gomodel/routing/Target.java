package dev.gomodel.routing;

import dev.gomodel.Provider;

/**
 * One place an attempt can go: a provider, its shared state, and the bare model id it is asked
 * for. A {@code forwarded} target is a gateway that routes the request itself: it is sent the
 * request's model and provider hint as written.
 */
record Target(Provider provider, ProviderState state, String model, boolean forwarded) {

    Target(Provider provider, ProviderState state, String model) {
        this(provider, state, model, false);
    }

    String name() {
        return provider.name();
    }
}
