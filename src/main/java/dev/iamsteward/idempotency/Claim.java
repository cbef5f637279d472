package dev.iamsteward.idempotency;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import java.util.UUID;

/** What a request carrying a key may do: run as the attempt that holds the key, get the answer, or wait. */
public sealed interface Claim {

    /** The request runs, as the attempt that holds the key until its outcome is recorded. */
    record Granted(IdempotencyRecord.Id id, UUID attempt) implements Claim {

        private static final String PROPERTY = Granted.class.getName();

        /** The key the request holds and has not settled yet, if any. */
        static Optional<Granted> heldBy(ContainerRequestContext request) {
            return Optional.ofNullable((Granted) request.getProperty(PROPERTY));
        }

        void holdFor(ContainerRequestContext request) {
            request.setProperty(PROPERTY, this);
        }

        /** The outcome is recorded (or the key released): nothing more is to be done with it. */
        static void settled(ContainerRequestContext request) {
            request.removeProperty(PROPERTY);
        }
    }

    /** The request was answered before: this is the answer. */
    record Replay(StoredResponse response) implements Claim {
    }

    /** The first attempt with the key is still running. */
    record InFlight() implements Claim {
    }
}
