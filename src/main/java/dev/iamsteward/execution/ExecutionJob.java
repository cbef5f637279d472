package dev.iamsteward.execution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The durable to-do that approval leaves behind: written in the approval's transaction, claimed by one worker
 * at a time under a lease, and picked up again when a worker dies holding it.
 */
@Entity
@Table(name = "execution_job")
public class ExecutionJob extends PanacheEntityBase {

    /** Where a job is. */
    public enum State {
        QUEUED, RUNNING, WAITING, DONE, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id")
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    public State state;

    public int attempts;

    /** Whether the plan was checked against IAM before the first step ran. */
    @Column(name = "plan_checked")
    public boolean planChecked;

    @Column(name = "run_after")
    public Instant runAfter;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The W3C traceparent of the approval that queued the job: each attempt's span is its child. */
    public String traceparent;

    static ExecutionJob queue(UUID requestId, Instant at, String traceparent) {
        ExecutionJob job = new ExecutionJob();
        job.requestId = requestId;
        job.traceparent = traceparent;
        job.state = State.QUEUED;
        job.runAfter = at;
        job.createdAt = at;
        job.updatedAt = at;
        return job;
    }

    void claim(String worker, Instant now, Instant leaseUntil) {
        state = State.RUNNING;
        attempts++;
        leaseOwner = worker;
        this.leaseUntil = leaseUntil;
        updatedAt = now;
    }

    boolean heldBy(String worker) {
        return state == State.RUNNING && worker.equals(leaseOwner);
    }

    void retryAt(Instant when, String error, Instant now) {
        state = State.QUEUED;
        runAfter = when;
        lastError = error;
        release(now);
    }

    /** Waits, unclaimable, until something outside the worker puts it back in the queue. */
    void park(Instant now) {
        state = State.WAITING;
        release(now);
    }

    void requeue(Instant now) {
        state = State.QUEUED;
        runAfter = now;
        updatedAt = now;
    }

    /** Queued again at once, and the claim that never ran is not counted as an attempt. */
    void handBack(Instant now) {
        state = State.QUEUED;
        runAfter = now;
        attempts = Math.max(0, attempts - 1);
        release(now);
    }

    void finish(State end, String error, Instant now) {
        state = end;
        lastError = error;
        release(now);
    }

    private void release(Instant now) {
        leaseOwner = null;
        leaseUntil = null;
        updatedAt = now;
    }
}
