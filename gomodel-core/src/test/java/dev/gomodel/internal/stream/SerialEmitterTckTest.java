package dev.gomodel.internal.stream;

/** The TCK with items made synchronously inside the drain loop, as a synchronous upstream would. */
class SerialEmitterTckTest extends CountingEmitterVerification {

    public SerialEmitterTckTest() {
        super(null);
    }
}
