package dev.iamsteward.request;

import dev.iamsteward.credential.DeliveryView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A request as the API shows it. */
public record RequestView(
        UUID id,
        String account,
        RequestType type,
        RequestStatus status,
        String requester,
        String userName,
        String path,
        String owner,
        Instant expiresAt,
        String accessKeyId,
        String profile,
        String risk,
        Map<String, String> tags,
        String reason,
        TicketView ticket,
        List<PlannedCall> plan,
        List<String> planNotes,
        String planHash,
        int stepsDone,
        ApprovalView approval,
        List<DecisionView> decisions,
        List<CommentView> comments,
        List<DeliveryView> secrets,
        String userArn,
        String failureReason,
        UUID expiryRequestId,
        Instant createdAt,
        Instant updatedAt,
        Instant pendingUntil,
        Instant completedAt,
        BreakGlassView breakGlass,
        long version) {

    /**
     * The requester's break-glass approval: why, when, until when its access lasts (null when it grants nothing
     * that lasts), and the review an approver owes it by {@code reviewDue}.
     */
    public record BreakGlassView(String reason, Instant at, Instant accessUntil, Instant reviewDue,
            String reviewedBy, Instant reviewedAt, String review) {
    }

    /** The rule the request is decided under, who has approved, and what is still missing. */
    public record ApprovalView(String rule, int approvals, Set<String> approverGroups, boolean ownerMustApprove,
            boolean managerMustApprove, String requesterManager, List<String> approvedBy, List<String> missing) {
    }

    /** One decision; a voided one no longer counts, and says why. */
    public record DecisionView(String approver, Decision.Verdict verdict, String comment, String planHash,
            Instant at, Instant voidedAt, String voidedReason) {
    }

    /** The ticket a request was filed from, its last known status, and whether execution waits for it. */
    public record TicketView(String source, String key, String status, boolean approved, boolean gated) {
    }

    public record CommentView(String author, String text, Instant at) {
    }

    /** The view of a request; {@code secrets} are the deliveries its execution made, without the secrets. */
    public static RequestView of(AccessRequest r, List<DeliveryView> secrets) {
        ApprovalRequirement a = r.approval;
        ApprovalView approval = new ApprovalView(a.rule, a.approvals, a.approverGroups(), a.ownerMustApprove,
                a.managerMustApprove, r.requesterManager, r.approvers(), r.missingApprovals());
        return new RequestView(r.id, r.account, r.type, r.status, r.requester, r.userName, r.path, r.owner, r.expiresAt,
                r.accessKeyId, r.profile, r.risk, r.tags, r.reason,
                !r.ticket.present() ? null : new TicketView(r.ticket.source(), r.ticket.key(), r.ticket.status(),
                        r.ticket.approved(), r.ticket.gated()),
                r.plan, r.planNotes(), r.planHash, r.stepsDone, approval,
                r.decisions.stream().map(d -> new DecisionView(d.approver, d.verdict, d.comment, d.planHash, d.at,
                        d.voidedAt, d.voidedReason)).toList(),
                r.comments.stream().map(c -> new CommentView(c.author, c.text, c.at)).toList(),
                secrets, r.userArn, r.failureReason, r.expiryRequestId, r.createdAt, r.updatedAt, r.pendingUntil,
                r.completedAt, r.breakGlass == null ? null : new BreakGlassView(r.breakGlass.reason, r.breakGlass.at,
                        r.breakGlass.until, r.breakGlass.reviewDue, r.breakGlass.reviewedBy, r.breakGlass.reviewedAt,
                        r.breakGlass.review),
                r.version);
    }
}
