package dev.iamsteward.account;

import dev.iamsteward.iam.Simulation;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of one broker self-check of one target account: every probe with IAM's decision, the failures
 * (probes answered wrongly, or settings that could not be right), or why it could not be checked.
 */
public record BrokerCheckResult(Status status, List<ProbeOutcome> probes, List<Failure> failures,
        String notCheckedReason, Instant checkedAt) {

    public BrokerCheckResult {
        probes = List.copyOf(probes);
        failures = List.copyOf(failures);
    }

    /** PASSED: every probe as it must be. FAILED: a probe or a setting is wrong. NOT_CHECKED: IAM did not say. */
    public enum Status {
        PASSED, FAILED, NOT_CHECKED
    }

    /** One probe and IAM's decision on it ({@code null} when IAM gave none). */
    public record ProbeOutcome(BrokerProbe probe, Simulation.Decision decision) {

        public boolean passed() {
            return probe.passes(decision);
        }
    }

    /** What went wrong, by a name safe to publish ({@code create-user-without-boundary}) and in detail. */
    public record Failure(String name, String detail) {
    }

    static BrokerCheckResult evaluated(List<ProbeOutcome> probes, List<Failure> failures, Instant at) {
        return new BrokerCheckResult(failures.isEmpty() ? Status.PASSED : Status.FAILED, probes, failures, null, at);
    }

    static BrokerCheckResult notChecked(String reason, Instant at) {
        return new BrokerCheckResult(Status.NOT_CHECKED, List.of(), List.of(), reason, at);
    }

    /** The names of the failures, without ARNs or IAM's messages: what readiness may show to anyone. */
    public List<String> failureNames() {
        return failures.stream().map(Failure::name).toList();
    }

    /** One paragraph for the log or the startup failure: every failure in detail, or why it was not checked. */
    public String describe() {
        return switch (status) {
            case PASSED -> "the broker role passed all " + probes.size() + " probes of IAM's policy simulator";
            case NOT_CHECKED -> "the broker role could not be checked: " + notCheckedReason;
            case FAILED -> "the broker role failed its self-check:\n  " + failures.stream()
                    .map(f -> f.name() + ": " + f.detail()).collect(Collectors.joining("\n  "));
        };
    }
}
