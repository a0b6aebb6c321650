package dev.gomodel.routing;

import dev.gomodel.Provider;

/**
 * Where one request goes: the provider and the bare model id it is asked for.
 *
 * @param provider the provider that serves the request
 * @param model the model id as the upstream knows it, without a provider prefix
 */
record Route(Provider provider, String model) {
}
