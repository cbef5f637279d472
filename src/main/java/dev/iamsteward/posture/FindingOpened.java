package dev.iamsteward.posture;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A scan opened a finding: one it never saw before, or one it had resolved that came back. Fired in the scan's
 * transaction, so that what observers write commits or rolls back with the finding.
 */
public record FindingOpened(UUID findingId, String account, FindingKind kind, Severity severity, String subject,
        String userName, Map<String, String> evidence, Instant at) {

    public FindingOpened {
        evidence = Map.copyOf(evidence);
    }

    static FindingOpened of(Finding finding, Instant at) {
        return new FindingOpened(finding.id, finding.account, finding.kind, finding.severity, finding.subject,
                finding.userName, finding.evidence, at);
    }

    /** Whether it is urgent enough to tell people of at once: HIGH or CRITICAL. */
    public boolean urgent() {
        return severity == Severity.CRITICAL || severity == Severity.HIGH;
    }

    /** What to do about it, in a sentence. */
    public String whatToDo() {
        if (kind.ownerAction() != null) {
            return kind.ownerAction();
        }
        if (kind.remediation() != null) {
            return "An admin files the fix with POST /v1/findings/" + findingId + "/remediate: a "
                    + kind.remediation() + " request, which is approved like any other.";
        }
        return "Key rotation replaces the key; see GET /v1/rotations.";
    }
}
