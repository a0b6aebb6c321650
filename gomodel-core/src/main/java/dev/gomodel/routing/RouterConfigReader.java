package dev.gomodel.routing;

/** Reads a router's JSON configuration document into a {@link Router.Builder}. */
final class RouterConfigReader {

    private RouterConfigReader() {
    }

    static void apply(String json, Router.Builder builder) {
        throw new UnsupportedOperationException("TODO");
    }
}
