/**
 * The chat-completions wire model: immutable records that mirror the GoModel (OpenAI-compatible)
 * request, response and stream-chunk JSON.
 *
 * <p>Conventions for every type in this package:
 * <ul>
 *   <li>Records are immutable and thread-safe; lists and maps are copied on construction and
 *       unmodifiable.</li>
 *   <li>A record component whose JSON member is optional is {@code null} when the member is
 *       absent. Lists are never {@code null} unless documented (where absent and empty differ
 *       on the wire), and {@code extra} is never {@code null}.</li>
 *   <li>Every record that mirrors a JSON object has an {@code extra} map holding the members it
 *       does not know, in the order they came; they are written back unchanged.</li>
 *   <li>Open string values ({@code role}, {@code finish_reason}, {@code type}) are plain strings,
 *       with constants for the well-known values, so a new value never fails parsing.</li>
 * </ul>
 */
package dev.gomodel.chat;
