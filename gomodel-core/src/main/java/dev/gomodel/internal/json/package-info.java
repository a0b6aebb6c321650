/**
 * JSON details shared by the wire model and the codec; not exported.
 */
package dev.gomodel.internal.json;
