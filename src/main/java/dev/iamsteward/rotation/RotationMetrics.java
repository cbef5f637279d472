package dev.iamsteward.rotation;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Locale;
import java.util.Set;

/**
 * Counts rotations by outcome in {@code steward_rotations_total}: started, blocked, deactivated (the old key),
 * deleted (the old key; the rotation is done), failed and rolled_back. A count is made when the transaction
 * that moved the rotation commits, so a step that rolls back is not counted.
 */
@Startup
@ApplicationScoped
class RotationMetrics {

    static final String STARTED = "started";
    private static final Set<String> OUTCOMES = Set.of(STARTED, "blocked", "deactivated", "deleted", "failed",
            "rolled_back");

    /** An outcome reached in the current transaction. */
    record Outcome(String name) {
    }

    private final MeterRegistry registry;
    private final Event<Outcome> outcomes;

    RotationMetrics(MeterRegistry registry, Event<Outcome> outcomes) {
        this.registry = registry;
        this.outcomes = outcomes;
        OUTCOMES.forEach(name -> registry.counter("steward.rotations", "outcome", name));
    }

    /** A rotation began, and where it went at once (it may be blocked from the start). */
    void started(RotationStatus now) {
        outcomes.fire(new Outcome(STARTED));
        moved(null, now);
    }

    /** A rotation moved; only moves into an outcome's status count. */
    void moved(RotationStatus from, RotationStatus to) {
        if (from == to) {
            return;
        }
        String name = switch (to) {
            case BLOCKED, DEACTIVATED, FAILED, ROLLED_BACK -> to.name().toLowerCase(Locale.ROOT);
            case DONE -> "deleted";
            default -> null;
        };
        if (name != null) {
            outcomes.fire(new Outcome(name));
        }
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outcome outcome) {
        registry.counter("steward.rotations", "outcome", outcome.name()).increment();
    }
}
