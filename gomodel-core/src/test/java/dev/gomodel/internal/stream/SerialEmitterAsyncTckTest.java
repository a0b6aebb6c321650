package dev.gomodel.internal.stream;

import dev.gomodel.testing.Tck;

/** The TCK with items made on other threads, as an HTTP body arrives on the client's threads. */
class SerialEmitterAsyncTckTest extends CountingEmitterVerification {

    public SerialEmitterAsyncTckTest() {
        super(Tck.threads("tck-producer"));
    }
}
