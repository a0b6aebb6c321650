/**
 * The {@link dev.gomodel.spi.ProviderFactory} of this module; not exported.
 */
package dev.gomodel.providers.internal;
