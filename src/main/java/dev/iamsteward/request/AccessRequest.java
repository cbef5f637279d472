package dev.iamsteward.request;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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

    /** The actor the service records for what it does on its own: expiry, automatic approval. */
    public static final String SYSTEM = "system:iam-steward";

    @Id
    public UUID id;

    /** The target account the request acts on, by its id in the configuration. */
    public String account;

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

    /** What the plan could not look at, said with it (e.g. a listing the IAM endpoint does not implement). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "plan_notes")
    List<String> planNotes = new ArrayList<>();

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

    /** The risk of what the request grants or takes away: its access profile's, else LOW. */
    public String risk;

    /** The requester's manager as their token named them when they submitted the request. */
    @Column(name = "requester_manager")
    public String requesterManager;

    @Embedded
    public ApprovalRequirement approval;

    /** How the requester approved it by break-glass, and its review; null for requests approved otherwise. */
    @Embedded
    public BreakGlassUse breakGlass;

    /** What approvers sign: see {@link PlanHash}. */
    @Column(name = "plan_hash")
    public String planHash;

    /** A request still pending approval at this time expires. */
    @Column(name = "pending_until")
    public Instant pendingUntil;

    /** For time-bound access: when its end was handled, and the request that ended it, if one was needed. */
    @Column(name = "expiry_handled_at")
    public Instant expiryHandledAt;

    @Column(name = "expiry_request_id")
    public UUID expiryRequestId;

    /** The ticket the request was filed from, and what is known of it; {@link TicketLink#NONE} for the API's. */
    @Embedded
    public TicketLink ticket = TicketLink.NONE;

    /** The W3C traceparent of the submission, which the execution's span links to. */
    @Column(name = "submit_traceparent")
    public String submitTraceparent;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL)
    @OrderBy("id")
    public List<Decision> decisions = new ArrayList<>();

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL)
    @OrderBy("id")
    public List<Comment> comments = new ArrayList<>();

    @Version
    public long version;

    protected AccessRequest() {
    }

    /** A new request in {@code account}, waiting for approval; its plan is computed next. */
    public static AccessRequest submit(String account, SubmitRequest body, String requester, String manager,
            Instant at) {
        AccessRequest request = new AccessRequest();
        request.id = UUID.randomUUID();
        request.account = account;
        request.type = body.type();
        request.status = RequestStatus.PENDING_APPROVAL;
        request.requester = requester;
        request.requesterManager = manager;
        request.userName = body.userName();
        request.take(body);
        request.plan = List.of();
        request.createdAt = at;
        request.updatedAt = at;
        return request;
    }

    /** The fields a requester chooses, from a submission or an amendment of one. */
    void take(SubmitRequest body) {
        path = body.path();
        owner = body.type() == RequestType.CREATE_USER && body.owner() == null ? requester : body.owner();
        // PostgreSQL keeps microseconds: a finer instant would differ from itself once stored and read back.
        expiresAt = body.expiresAt() == null ? null : body.expiresAt().truncatedTo(ChronoUnit.MICROS);
        accessKeyId = body.accessKeyId();
        profile = body.profile();
        tags = Map.copyOf(body.tagsOrEmpty());
        reason = body.reason();
    }

    /** The request as a submission, to be amended and checked again. */
    SubmitRequest asSubmission() {
        return new SubmitRequest(account, type, userName, type == RequestType.CREATE_USER ? path : null,
                type == RequestType.CREATE_USER ? owner : null, expiresAt, accessKeyId, profile,
                type == RequestType.CREATE_USER ? tags : null, reason);
    }

    /** Links a new request to the ticket it was filed from. */
    void linkTicket(TicketLink link) {
        ticket = link;
    }

    /** The ticket moved to {@code status}; returns whether that changed what the request knew of it. */
    public boolean ticketMoved(String status, boolean approved, Instant at) {
        if (!ticket.present() || (status.equals(ticket.status()) && approved == ticket.approved())) {
            return false;
        }
        ticket = ticket.moved(status, approved);
        updatedAt = at;
        return true;
    }

    /** Whether the request's ticket holds it back: gated, and its ticket not in an approved status. */
    public boolean heldByTicket() {
        return ticket.holdsBack();
    }

    /** What the plan could not look at; none for most plans. */
    public List<String> planNotes() {
        return planNotes == null ? List.of() : List.copyOf(planNotes);
    }

    /** Records that one more step of the plan has been carried out, by {@code actor}; the change names it. */
    public StatusChange stepDone(String actor, Instant at) {
        if (status != RequestStatus.EXECUTING || stepsDone >= plan.size()) {
            throw new IllegalTransitionException(status, RequestStatus.EXECUTING);
        }
        PlannedCall step = plan.get(stepsDone);
        stepsDone++;
        updatedAt = at;
        return new StatusChange(id, account, status, status, actor, at,
                "step " + stepsDone + "/" + plan.size() + " " + step.action() + " done");
    }

    /** A step of the plan made or found the request's user, whose ARN it learned; null leaves the ARN known. */
    public void userArnFound(String arn) {
        if (arn != null) {
            userArn = arn;
        }
    }

    /**
     * Records an approval of the plan whose hash the approver saw ({@code seenHash}, when they name it); the
     * request is approved once the {@link Quorum} is met, and stays pending until then.
     */
    public StatusChange approve(String approver, Set<String> groups, String seenHash, String comment, Instant at) {
        Quorum before = checkDecider(approver, groups, at, RequestStatus.APPROVED);
        if (seenHash != null && !seenHash.equals(planHash)) {
            throw new StewardException(ErrorKind.PLAN_CHANGED, "the request or its plan changed since you saw it; "
                    + "read it again and approve plan " + planHash);
        }
        decisions.add(new Decision(this, approver, Decision.Verdict.APPROVE, comment, planHash, at));
        Quorum after = Quorum.of(this);
        if (!after.met()) {
            updatedAt = at;
            return new StatusChange(id, account, status, status, approver, at, "approval " + after.approvers().size()
                    + " recorded; still needed: " + String.join("; ", after.missing()));
        }
        return move(RequestStatus.APPROVED, approver, at, "approved by " + String.join(", ", after.approvers())
                + " under rule '" + before.requirement().rule + "'");
    }

    /** Records a rejection by any eligible approver, which ends the request. */
    public StatusChange reject(String approver, Set<String> groups, String comment, Instant at) {
        checkDecider(approver, groups, at, RequestStatus.REJECTED);
        decisions.add(new Decision(this, approver, Decision.Verdict.REJECT, comment, planHash, at));
        return move(RequestStatus.REJECTED, approver, at, comment);
    }

    /**
     * The requester approves their own request by break-glass, because its rule lets them and its approvers cannot
     * be reached: approved at once, what it grants ending after the rule's time, and a review owed by an approver.
     */
    public StatusChange breakGlass(String actor, Set<String> groups, String why, Instant at) {
        if (!actor.equals(requester)) {
            throw new StewardException(ErrorKind.FORBIDDEN, "only the requester may break glass on a request");
        }
        if (pendingExpired(at)) {
            throw new StewardException(ErrorKind.ILLEGAL_TRANSITION, "the request expired at " + pendingUntil);
        }
        if (!status.canMoveTo(RequestStatus.APPROVED)) {
            throw new IllegalTransitionException(status, RequestStatus.APPROVED);
        }
        BreakGlassTerms terms = approval.breakGlass().orElseThrow(() -> new StewardException(
                ErrorKind.BREAK_GLASS_NOT_ALLOWED, "rule '" + approval.rule + "' does not allow break-glass; "
                        + String.join("; ", missingApprovals())));
        if (groups.stream().noneMatch(terms.groups()::contains)) {
            throw new StewardException(ErrorKind.BREAK_GLASS_NOT_ALLOWED, "rule '" + approval.rule
                    + "' allows break-glass only to members of " + String.join(" or ", new TreeSet<>(terms.groups())));
        }
        if (!BreakGlassUse.allowedFor(type)) {
            throw new StewardException(ErrorKind.BREAK_GLASS_NOT_ALLOWED, "break-glass cannot approve a " + type
                    + " request; it may approve " + BreakGlassUse.allowedTypes());
        }
        Instant until = BreakGlassUse.revocation(type).isPresent() ? at.plus(terms.accessFor()) : null;
        breakGlass = new BreakGlassUse(why, at, until, at.plus(terms.reviewWithin()));
        decisions.add(new Decision(this, actor, Decision.Verdict.APPROVE, "break-glass: " + why, planHash, at));
        return move(RequestStatus.APPROVED, actor, at, "approved by break-glass of " + actor + " under rule '"
                + approval.rule + "'" + (until == null ? "" : ", access until " + breakGlass.until) + ": " + why);
    }

    /** An approver who could have decided on the request reviews its break-glass approval afterwards. */
    public StatusChange reviewBreakGlass(String reviewer, Set<String> groups, String comment, Instant at) {
        if (breakGlass == null) {
            throw new StewardException(ErrorKind.ILLEGAL_TRANSITION,
                    "the request was not approved by break-glass; there is nothing to review");
        }
        if (breakGlass.reviewed()) {
            throw new StewardException(ErrorKind.ALREADY_DECIDED, "'" + breakGlass.reviewedBy
                    + "' already reviewed this break-glass at " + breakGlass.reviewedAt);
        }
        if (reviewer.equals(requester)) {
            throw new StewardException(ErrorKind.SELF_APPROVAL,
                    "'" + reviewer + "' broke the glass on this request and cannot review it");
        }
        if (!Quorum.of(this).eligible(reviewer, groups)) {
            throw new StewardException(ErrorKind.NOT_ELIGIBLE, "rule '" + approval.rule + "' lets only members of "
                    + String.join(" or ", approval.approverGroups()) + " review its break-glass");
        }
        breakGlass.reviewedBy(reviewer, comment, at);
        updatedAt = at;
        return new StatusChange(id, account, status, status, reviewer, at, "break-glass reviewed: " + comment);
    }

    /** When the access this request granted ends: its expiry or its break-glass window, whichever is first. */
    public Instant accessEnds() {
        Instant window = breakGlass == null ? null : breakGlass.until;
        if (expiresAt == null || window == null) {
            return expiresAt == null ? window : expiresAt;
        }
        return expiresAt.isBefore(window) ? expiresAt : window;
    }

    /** Approves without a person deciding, because a rule or the service's own duty says so. */
    public StatusChange approveAutomatically(String why, Instant at) {
        decisions.add(new Decision(this, SYSTEM, Decision.Verdict.APPROVE, why, planHash, at));
        return move(RequestStatus.APPROVED, SYSTEM, at, why);
    }

    /** The requester withdraws a request nobody has finished deciding on. */
    public StatusChange cancel(String actor, String why, Instant at) {
        if (!actor.equals(requester)) {
            throw new StewardException(ErrorKind.FORBIDDEN, "only the requester may cancel a request");
        }
        return move(RequestStatus.CANCELLED, actor, at, why);
    }

    /** A request that waited for approval past its time ends. */
    public StatusChange expire(Instant at) {
        return move(RequestStatus.EXPIRED, SYSTEM, at, "nobody decided before " + pendingUntil);
    }

    public boolean pendingExpired(Instant now) {
        return status == RequestStatus.PENDING_APPROVAL && pendingUntil != null && !now.isBefore(pendingUntil);
    }

    /**
     * The request or its plan was made again: when what approvers sign changed, the approvals given so far
     * are void, and each says why. Returns how many were voided.
     */
    public int replanned(String why, Instant at) {
        String hash = PlanHash.of(this);
        if (hash.equals(planHash)) {
            return 0;
        }
        planHash = hash;
        updatedAt = at;
        List<Decision> voided = decisions.stream().filter(Decision::active).toList();
        voided.forEach(d -> d.voidBecause(why, at));
        return voided.size();
    }

    /** What the approvals still lack, in words; empty once the request is approved. */
    public List<String> missingApprovals() {
        return status == RequestStatus.PENDING_APPROVAL ? Quorum.of(this).missing() : List.of();
    }

    /** Why the approval rule can never be met for this request, if it cannot. */
    public Optional<String> unmeetableApproval() {
        return Optional.ofNullable(Quorum.of(this).unmeetable());
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

    /** A remark by the service itself, e.g. what its execution cleaned up; shown with the people's comments. */
    public void noteBySystem(String text, Instant at) {
        comments.add(new Comment(this, SYSTEM, text, at));
    }

    /** The people whose approvals are in force, in the order they approved. */
    public List<String> approvers() {
        return decisions.stream().filter(d -> d.active() && d.verdict == Decision.Verdict.APPROVE)
                .map(d -> d.approver).toList();
    }

    private Quorum checkDecider(String approver, Set<String> groups, Instant at, RequestStatus to) {
        if (approver.equals(requester)) {
            throw new StewardException(ErrorKind.SELF_APPROVAL,
                    "'" + approver + "' submitted this request and cannot decide on it");
        }
        if (pendingExpired(at)) {
            throw new StewardException(ErrorKind.ILLEGAL_TRANSITION, "the request expired at " + pendingUntil);
        }
        if (!status.canMoveTo(to)) {
            throw new IllegalTransitionException(status, to);
        }
        Quorum quorum = Quorum.of(this);
        if (!quorum.eligible(approver, groups)) {
            throw new StewardException(ErrorKind.NOT_ELIGIBLE, "rule '" + approval.rule + "' lets only "
                    + quorum.missing().stream().findFirst().orElse("its approvers") + " decide");
        }
        if (decisions.stream().anyMatch(d -> d.active() && d.approver.equals(approver))) {
            throw new StewardException(ErrorKind.ALREADY_DECIDED, "'" + approver + "' has already decided");
        }
        return quorum;
    }

    private StatusChange move(RequestStatus to, String actor, Instant at, String detail) {
        if (!status.canMoveTo(to)) {
            throw new IllegalTransitionException(status, to);
        }
        StatusChange change = new StatusChange(id, account, status, to, actor, at, detail);
        status = to;
        updatedAt = at;
        return change;
    }
}
