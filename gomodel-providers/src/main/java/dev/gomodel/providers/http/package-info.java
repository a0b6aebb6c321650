/**
 * HTTP plumbing shared by the providers: an incremental Server-Sent Events decoder
 * ({@link dev.gomodel.providers.http.SseDecoder}) that turns the byte chunks of a streaming
 * response body into {@link dev.gomodel.providers.http.SseEvent}s. Internal to gomodel-providers:
 * the classes are public only so that the module's other packages can use them.
 */
package dev.gomodel.providers.http;
