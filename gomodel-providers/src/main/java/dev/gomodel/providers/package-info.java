/**
 * Settings shared by every HTTP provider. The providers themselves live in one package per
 * provider family, for example {@link dev.gomodel.providers.openai}.
 */
package dev.gomodel.providers;
