/**
 * gomodel-examples: runnable examples, and the demo the README's first command runs.
 */
module dev.gomodel.examples {
    requires dev.gomodel.providers;
    requires jdk.httpserver;
    requires com.fasterxml.jackson.core;
}
