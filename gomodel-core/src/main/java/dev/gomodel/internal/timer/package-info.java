/**
 * The shared timer thread; exported only to {@code dev.gomodel.providers}.
 */
package dev.gomodel.internal.timer;
