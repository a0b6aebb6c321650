/**
 * The chat-completions wire model: immutable records that mirror the GoModel (OpenAI-compatible)
 * request, response and stream-chunk JSON.
 *
 * <p>Conventions for every type in this package:
 * <ul>
 *   <li>Records are immutable and thread-safe; lists and maps are copied on construction and
 *       unmodifiable.</li>
 *   <li>A record component whose JSON member is optional is {@code null} when the member is
 *       absent or JSON {@code null}, so code that reads values treats both alike. Lists are
 *       never {@code null} unless documented (where absent and empty differ on the wire), and
 *       {@code extra} is never {@code null}.</li>
 *   <li>Explicit nulls: every record that mirrors a JSON object has a {@code nulls} component,
 *       the names of its modelled members that are JSON {@code null}, which are written back
 *       as {@code null}; a {@code null} component not named there is an absent member and is
 *       left out. {@code nulls} is never {@code null}, is immutable, and holds only names of
 *       the record's own members whose component is unset: a name whose component has a value
 *       is dropped (the value wins) and a name the record does not model is refused (an
 *       unknown member that is {@code null} lives in {@code extra} as {@link JsonValue#NULL}).
 *       Free-form members ({@code logprobs}, {@code parameters}, {@code raw_usage}) hold JSON
 *       {@code null} as {@link JsonValue#NULL} themselves. The constructors without
 *       {@code nulls} make a record with none, except that a missing message {@code content}
 *       or choice {@code finish_reason} is still written as {@code null}, as it always was.
 *       The sets are shared, so a record read with nothing {@code null} costs nothing more.
 *       Records are equal when their components, {@code extra} and {@code nulls} are: when
 *       they write the same JSON.</li>
 *   <li>Every record that mirrors a JSON object has an {@code extra} map holding the members it
 *       does not know, in the order they came; they are written back unchanged.</li>
 *   <li>Open string values ({@code role}, {@code finish_reason}, {@code type}) are plain strings,
 *       with constants for the well-known values, so a new value never fails parsing.</li>
 * </ul>
 */
package dev.gomodel.chat;
