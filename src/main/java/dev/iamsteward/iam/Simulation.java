package dev.iamsteward.iam;

import java.util.List;
import java.util.Optional;

/** What the policy simulator answered: a decision per action and resource, or that it may not be asked. */
public sealed interface Simulation {

    /** IAM evaluated the query: one decision per action and resource. */
    record Evaluated(List<Evaluation> evaluations) implements Simulation {

        public Evaluated {
            evaluations = List.copyOf(evaluations);
        }

        /** The decision for one action on one resource, when IAM gave one. */
        public Optional<Decision> decision(String action, String resourceArn) {
            return evaluations.stream()
                    .filter(e -> e.action().equalsIgnoreCase(action) && e.resourceArn().equals(resourceArn))
                    .map(Evaluation::decision).findFirst();
        }
    }

    /** IAM refused the simulation itself (AccessDenied): nothing can be said about the policies. */
    record NotPermitted(String message) implements Simulation {
    }

    /** IAM's decision for one action on one resource. */
    record Evaluation(String action, String resourceArn, Decision decision) {
    }

    /** IAM's three decisions; only {@link #ALLOWED} lets the call through. */
    enum Decision {
        ALLOWED, EXPLICIT_DENY, IMPLICIT_DENY;

        public boolean allowed() {
            return this == ALLOWED;
        }
    }
}
