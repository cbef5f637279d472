package dev.iamsteward.request;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A request to change IAM, from submission to its outcome. Its status changes only through the methods
 * here, each of which refuses a move that {@link RequestStatus} does not allow.
 */
@Entity
@Table(name = "access_request")
public class AccessRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public RequestType type;

    @Enumerated(EnumType.STRING)
    public RequestStatus status;

    public String requester;

    @Column(name = "user_name")
    public String userName;

    public String path;

    /** The person accountable for the user; secrets the request produces go to them. */
    public String owner;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "access_key_id")
    public String accessKeyId;

    /** The access profile a group or policy request grants or takes away. */
    public String profile;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> tags;

    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<PlannedCall> plan;

    /** How many steps of the plan have been carried out; a resumed execution starts after them. */
    @Column(name = "steps_done")
    public int stepsDone;

    @Column(name = "user_arn")
    public String userArn;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL)
    @OrderBy("id")
    public List<Decision> decisions = new ArrayList<>();

    @Version
    public long version;

    protected AccessRequest() {
    }

    /** A new request, waiting for approval; its plan is computed next. */
    public static AccessRequest submit(SubmitRequest body, String requester, Instant at) {
        AccessRequest request = new AccessRequest();
        request.id = UUID.randomUUID();
        request.type = body.type();
        request.status = RequestStatus.PENDING_APPROVAL;
        request.requester = requester;
        request.userName = body.userName();
        request.path = body.path();
        request.owner = body.owner() == null ? requester : body.owner();
        request.expiresAt = body.expiresAt();
        request.accessKeyId = body.accessKeyId();
        request.profile = body.profile();
        request.tags = Map.copyOf(body.tagsOrEmpty());
        request.reason = body.reason();
        request.plan = List.of();
        request.createdAt = at;
        request.updatedAt = at;
        return request;
    }

    /** Records that one more step of the plan has been carried out, by {@code actor}; the change names it. */
    public StatusChange stepDone(String actor, Instant at) {
        if (status != RequestStatus.EXECUTING || stepsDone >= plan.size()) {
            throw new IllegalTransitionException(status, RequestStatus.EXECUTING);
        }
        PlannedCall step = plan.get(stepsDone);
        stepsDone++;
        updatedAt = at;
        return new StatusChange(id, status, status, actor, at,
                "step " + stepsDone + "/" + plan.size() + " " + step.action() + " done");
    }

    /** Records an approval; one approval is enough for now. */
    public StatusChange approve(String approver, String comment, Instant at) {
        return decide(approver, Decision.Verdict.APPROVE, comment, at, RequestStatus.APPROVED);
    }

    /** Records a rejection, which ends the request. */
    public StatusChange reject(String approver, String comment, Instant at) {
        return decide(approver, Decision.Verdict.REJECT, comment, at, RequestStatus.REJECTED);
    }

    public StatusChange startExecution(String worker, Instant at) {
        return move(RequestStatus.EXECUTING, worker, at, null);
    }

    /** The plan reached a step only the user's owner can complete (two codes from a new MFA device). */
    public StatusChange awaitMfaCodes(String worker, Instant at) {
        return move(RequestStatus.AWAITING_MFA_CODES, worker, at, "waiting for the owner's two MFA codes");
    }

    /** The owner's codes were accepted; execution goes on. */
    public StatusChange mfaCodesAccepted(String owner, Instant at) {
        return move(RequestStatus.EXECUTING, owner, at, "MFA codes accepted");
    }

    public StatusChange succeed(String userArn, String worker, Instant at) {
        StatusChange change = move(RequestStatus.SUCCEEDED, worker, at, userArn);
        if (userArn != null) {
            this.userArn = userArn;
        }
        this.completedAt = at;
        return change;
    }

    public StatusChange fail(String reason, String worker, Instant at) {
        StatusChange change = move(RequestStatus.FAILED, worker, at, reason);
        this.failureReason = reason;
        this.completedAt = at;
        return change;
    }

    /** The people who approved, in the order they did. */
    public List<String> approvers() {
        return decisions.stream().filter(d -> d.verdict == Decision.Verdict.APPROVE).map(d -> d.approver).toList();
    }

    private StatusChange decide(String approver, Decision.Verdict verdict, String comment, Instant at,
            RequestStatus to) {
        if (approver.equals(requester)) {
            throw new StewardException(ErrorKind.SELF_APPROVAL,
                    "'" + approver + "' submitted this request and cannot decide on it");
        }
        if (decisions.stream().anyMatch(d -> d.approver.equals(approver))) {
            throw new StewardException(ErrorKind.ALREADY_DECIDED, "'" + approver + "' has already decided");
        }
        StatusChange change = move(to, approver, at, comment);
        decisions.add(new Decision(this, approver, verdict, comment, at));
        return change;
    }

    private StatusChange move(RequestStatus to, String actor, Instant at, String detail) {
        if (!status.canMoveTo(to)) {
            throw new IllegalTransitionException(status, to);
        }
        StatusChange change = new StatusChange(id, status, to, actor, at, detail);
        status = to;
        updatedAt = at;
        return change;
    }
}
