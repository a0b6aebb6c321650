package dev.gomodel;

import dev.gomodel.error.GoModelException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns what an asynchronous call failed with back into the exception a blocking call throws. */
final class GoModelExceptions {

    private GoModelExceptions() {
    }

    static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new GoModelException("call failed: " + cause, null, cause);
    }
}
