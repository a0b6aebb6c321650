/**
 * Flow plumbing shared by core and the providers: not part of the API, exported only to
 * {@code dev.gomodel.providers}.
 */
package dev.gomodel.internal.stream;
