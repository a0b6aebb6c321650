package dev.gomodel.internal.stream;

/** The TCK with items handed over by {@code emit}, inside the drain loop that asked for them. */
class SerialEmitterEmitTckTest extends CountingEmitterVerification {

    public SerialEmitterEmitTckTest() {
        super(null, true);
    }
}
