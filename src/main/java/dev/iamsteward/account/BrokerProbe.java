package dev.iamsteward.account;

import dev.iamsteward.iam.Simulation;
import java.util.Map;

/**
 * One question the self-check asks IAM's simulator about the broker role: may it do {@code action} on
 * {@code resourceArn} with these condition keys? {@code mustAllow} is the only answer a sound broker gives.
 */
public record BrokerProbe(String name, String what, String action, String resourceArn, Map<String, String> context,
        boolean mustAllow) {

    public BrokerProbe {
        context = Map.copyOf(context);
    }

    /** Whether IAM's decision is the one a sound broker gets; no decision at all is not. */
    public boolean passes(Simulation.Decision decision) {
        return decision != null && decision.allowed() == mustAllow;
    }

    /** "must be denied" or "must be allowed", for messages. */
    public String expectation() {
        return mustAllow ? "must be allowed" : "must be denied";
    }
}
