package dev.iamsteward.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One approver's decision on a request. An approver has at most one decision in force per request; a
 * voided one stays on record, with why, and the approver may decide again.
 */
@Entity
@Table(name = "decision")
public class Decision extends PanacheEntityBase {

    /** What an approver can decide. */
    public enum Verdict {
        APPROVE, REJECT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    public AccessRequest request;

    public String approver;

    @Enumerated(EnumType.STRING)
    public Verdict verdict;

    public String comment;

    public Instant at;

    /** The hash of the request and plan the approver saw; the decision holds only while they stay the same. */
    @Column(name = "plan_hash")
    public String planHash;

    /** Set when the request or its plan changed after this decision, which then no longer counts. */
    @Column(name = "voided_at")
    public Instant voidedAt;

    @Column(name = "voided_reason")
    public String voidedReason;

    protected Decision() {
    }

    Decision(AccessRequest request, String approver, Verdict verdict, String comment, String planHash, Instant at) {
        this.request = request;
        this.approver = approver;
        this.verdict = verdict;
        this.comment = comment;
        this.planHash = planHash;
        this.at = at;
    }

    boolean active() {
        return voidedAt == null;
    }

    void voidBecause(String reason, Instant at) {
        this.voidedAt = at;
        this.voidedReason = reason;
    }
}
