package dev.iamsteward.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A requester's approval of their own request by break-glass: why, when, until when the access it grants lasts
 * (null when the request grants nothing that lasts), and the review an approver owes it by {@code reviewDue}.
 */
@Embeddable
public class BreakGlassUse {

    /** The audit action of a break-glass approval; subscribers are notified under the same name. */
    public static final String USED = "request.break-glass";

    /** The audit action of its review. */
    public static final String REVIEWED = "request.break-glass-reviewed";

    @Column(name = "break_glass_reason")
    public String reason;

    @Column(name = "break_glass_at")
    public Instant at;

    @Column(name = "break_glass_until")
    public Instant until;

    @Column(name = "break_glass_review_due")
    public Instant reviewDue;

    @Column(name = "break_glass_reviewed_by")
    public String reviewedBy;

    @Column(name = "break_glass_reviewed_at")
    public Instant reviewedAt;

    @Column(name = "break_glass_review")
    public String review;

    /** What break-glass may approve that grants access, each with the request that takes it back when it ends. */
    private static final Map<RequestType, RequestType> GRANTS = Map.of(
            RequestType.CREATE_USER, RequestType.OFFBOARD_USER,
            RequestType.CREATE_ACCESS_KEY, RequestType.DELETE_ACCESS_KEY,
            RequestType.REACTIVATE_ACCESS_KEY, RequestType.DEACTIVATE_ACCESS_KEY,
            RequestType.GRANT_CONSOLE_ACCESS, RequestType.REVOKE_CONSOLE_ACCESS,
            RequestType.ADD_TO_GROUP, RequestType.REMOVE_FROM_GROUP,
            RequestType.ATTACH_POLICY, RequestType.DETACH_POLICY);

    /** What break-glass may approve that only takes access away, reversibly: nothing to take back later. */
    private static final Set<RequestType> PROTECTS = Set.of(RequestType.DEACTIVATE_ACCESS_KEY,
            RequestType.REVOKE_CONSOLE_ACCESS, RequestType.SUSPEND_USER, RequestType.REMOVE_FROM_GROUP,
            RequestType.DETACH_POLICY);

    protected BreakGlassUse() {
    }

    BreakGlassUse(String reason, Instant at, Instant until, Instant reviewDue) {
        this.reason = reason;
        this.at = micros(at);
        this.until = until == null ? null : micros(until);
        this.reviewDue = micros(reviewDue);
    }

    /** Whether break-glass may approve a request of this type: never what cannot be undone or needs the owner. */
    static boolean allowedFor(RequestType type) {
        return GRANTS.containsKey(type) || PROTECTS.contains(type);
    }

    static String allowedTypes() {
        return new TreeSet<>(GRANTS.keySet()) + " (until the rule's time is up) and " + new TreeSet<>(PROTECTS);
    }

    /** The request that takes back what a request of this type granted; empty when it granted nothing. */
    public static Optional<RequestType> revocation(RequestType type) {
        return Optional.ofNullable(GRANTS.get(type));
    }

    /** The types whose access the service takes back when their time is up. */
    public static Set<RequestType> timeBound() {
        return GRANTS.keySet();
    }

    public boolean reviewed() {
        return reviewedAt != null;
    }

    /** Whether the review is late at {@code now}. */
    public boolean reviewOverdue(Instant now) {
        return !reviewed() && !now.isBefore(reviewDue);
    }

    void reviewedBy(String reviewer, String comment, Instant when) {
        reviewedBy = reviewer;
        review = comment;
        reviewedAt = micros(when);
    }

    // PostgreSQL keeps microseconds; the entity in memory then equals what a later read returns.
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
