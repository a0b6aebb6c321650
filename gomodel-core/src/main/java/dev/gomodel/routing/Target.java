package dev.gomodel.routing;

import dev.gomodel.Provider;

/**
 * One place an attempt can go: a provider, its shared state, and the bare model id it is asked
 * for.
 */
record Target(Provider provider, ProviderState state, String model) {

    String name() {
        return provider.name();
    }
}
