package dev.iamsteward.request;

import dev.iamsteward.credential.DeliveryView;
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
        String owner,
        Instant expiresAt,
        String accessKeyId,
        String profile,
        Map<String, String> tags,
        String reason,
        List<PlannedCall> plan,
        int stepsDone,
        List<DecisionView> decisions,
        List<DeliveryView> secrets,
        String userArn,
        String failureReason,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        long version) {

    /** One approver's decision. */
    public record DecisionView(String approver, Decision.Verdict verdict, String comment, Instant at) {
    }

    /** The view of a request; {@code secrets} are the deliveries its execution made, without the secrets. */
    public static RequestView of(AccessRequest r, List<DeliveryView> secrets) {
        return new RequestView(r.id, r.type, r.status, r.requester, r.userName, r.path, r.owner, r.expiresAt,
                r.accessKeyId, r.profile, r.tags, r.reason, r.plan, r.stepsDone,
                r.decisions.stream().map(d -> new DecisionView(d.approver, d.verdict, d.comment, d.at)).toList(),
                secrets, r.userArn, r.failureReason, r.createdAt, r.updatedAt, r.completedAt, r.version);
    }
}
