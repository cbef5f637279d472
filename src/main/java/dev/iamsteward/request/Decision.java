package dev.iamsteward.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

/** One approver's decision on a request; an approver decides at most once per request. */
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

    protected Decision() {
    }

    Decision(AccessRequest request, String approver, Verdict verdict, String comment, Instant at) {
        this.request = request;
        this.approver = approver;
        this.verdict = verdict;
        this.comment = comment;
        this.at = at;
    }
}
