package dev.iamsteward.posture;

import dev.iamsteward.request.RequestType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A finding as the API shows it. {@code remediation} is the request {@code POST /v1/findings/{id}/remediate}
 * files; {@code ownerAction} says what the account owner must do for what only the root user can fix.
 */
public record FindingView(UUID id, String account, FindingKind kind, Severity severity, FindingStatus status,
        String subject, String userName, Map<String, String> evidence, Instant firstSeen, Instant lastSeen,
        Instant resolvedAt, RequestType remediation, String ownerAction, UUID remediationRequestId) {

    static FindingView of(Finding f) {
        return new FindingView(f.id, f.account, f.kind, f.severity, f.status, f.subject, f.userName, f.evidence,
                f.firstSeen, f.lastSeen, f.resolvedAt,
                f.kind.remediation(), f.kind.ownerAction(), f.remediationRequestId);
    }
}
