package dev.iamsteward.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A request as the API shows it. */
public record RequestView(
        UUID id,
        RequestType type,
        RequestStatus status,
        String requester,
        String userName,
        String path,
        Map<String, String> tags,
        String reason,
        List<PlannedCall> plan,
        List<DecisionView> decisions,
        String userArn,
        String failureReason,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        long version) {

    /** One approver's decision. */
    public record DecisionView(String approver, Decision.Verdict verdict, String comment, Instant at) {
    }

    public static RequestView of(AccessRequest r) {
        return new RequestView(r.id, r.type, r.status, r.requester, r.userName, r.path, r.tags, r.reason, r.plan,
                r.decisions.stream().map(d -> new DecisionView(d.approver, d.verdict, d.comment, d.at)).toList(),
                r.userArn, r.failureReason, r.createdAt, r.updatedAt, r.completedAt, r.version);
    }
}
