/**
 * The JSON codec of the wire model: {@link dev.gomodel.json.ChatJson} reads and writes the
 * records straight between bytes and records with Jackson's streaming parser. Everything else
 * here is package-private.
 */
package dev.gomodel.json;
