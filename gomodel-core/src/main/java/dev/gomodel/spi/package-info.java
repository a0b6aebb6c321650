/**
 * Service interfaces that other artifacts implement for core, found through
 * {@link java.util.ServiceLoader}.
 */
package dev.gomodel.spi;
