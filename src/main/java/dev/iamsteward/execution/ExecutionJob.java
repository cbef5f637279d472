package dev.iamsteward.execution;

import dev.iamsteward.queue.Phase;
import dev.iamsteward.queue.QueuedWork;
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
 * at a time under a lease, and picked up again when a worker dies holding it. Its traceparent is the
 * approval's: each attempt's span is its child.
 */
@Entity
@Table(name = "execution_job")
public class ExecutionJob extends QueuedWork {

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

    /** Whether the plan was checked against IAM before the first step ran. */
    @Column(name = "plan_checked")
    public boolean planChecked;

    @Column(name = "created_at")
    public Instant createdAt;

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

    @Override
    public Phase phase() {
        return Phase.valueOf(state.name());
    }

    @Override
    protected void enter(Phase phase) {
        state = State.valueOf(phase.name());
    }

    @Override
    public Object key() {
        return id;
    }
}
