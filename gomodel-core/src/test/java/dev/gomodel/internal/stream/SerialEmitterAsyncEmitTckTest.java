package dev.gomodel.internal.stream;

import dev.gomodel.testing.Tck;

/** The TCK with items handed over by {@code emit} from other threads, as a routed stream's upstream does. */
class SerialEmitterAsyncEmitTckTest extends CountingEmitterVerification {

    public SerialEmitterAsyncEmitTckTest() {
        super(Tck.threads("tck-emitter"), true);
    }
}
