package dev.iamsteward.execution;

import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.common.Traces;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.queue.Backoff;
import dev.iamsteward.queue.LeasedQueue;
import dev.iamsteward.queue.Phase;
import dev.iamsteward.queue.WorkQueue;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.ApprovedRequests;
import dev.iamsteward.request.RequestStatus;
import dev.iamsteward.request.Requests;
import dev.iamsteward.request.StatusChange;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable job queue in PostgreSQL. Workers claim due jobs with {@code FOR UPDATE SKIP LOCKED}, so several
 * replicas never take the same job, and report the outcome in a transaction that also moves the request.
 */
@ApplicationScoped
public class JobQueue implements LeasedQueue<ExecutionOrder>, ApprovedRequests {

    /** Jobs of requests that have not started and whose ticket holds them back are not claimed. */
    public static final WorkQueue.Table TABLE = WorkQueue.Table.of("execution_job", Long.class, "QUEUED", "DONE")
            .holdingBack("join access_request r on r.id = q.request_id",
                    "r.status = 'APPROVED' and r.ticket_gated and not r.ticket_approved");

    private final AuditLog audit;
    private final Clock clock;
    private final ExecutionConfig config;
    private final IssuedCredentials issued;
    private final WorkQueue<ExecutionJob> jobs;

    JobQueue(EntityManager em, AuditLog audit, Clock clock, ExecutionConfig config, IssuedCredentials issued) {
        this.issued = issued;
        this.jobs = new WorkQueue<>(em, clock, ExecutionJob.class, TABLE, config::lease, config.maxAttempts(),
                new Backoff(config.initialBackoff(), config.maxBackoff()));
        this.audit = audit;
        this.clock = clock;
        this.config = config;
    }

    /** Queues the execution of an approved request, in the approval's transaction and with its trace. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void execute(UUID requestId) {
        ExecutionJob.queue(requestId, clock.instant(), Traces.currentParent()).persist();
    }

    /** Claims the next due job, or a job whose worker's lease ran out, and marks its request as executing. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ExecutionOrder> claimNext(String worker) {
        Optional<WorkQueue.Claimed<ExecutionJob>> claimed = jobs.claim(worker);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        ExecutionJob job = claimed.get().item();
        boolean resumed = claimed.get().resumed();
        Instant now = job.updatedAt;
        AccessRequest request = request(job);
        if (request.status == RequestStatus.APPROVED) {
            audit.record(request.startExecution(worker, now).audit("execution.started"));
        } else if (resumed) {
            Log.infof("Job %d for request %s resumed by %s after its lease ran out", job.id, request.id, worker);
            audit.record(new StatusChange(request.id, request.account, request.status, request.status, worker, now,
                    "attempt " + job.attempts + " after a lease ran out").audit("execution.resumed"));
        }
        return Optional.of(new ExecutionOrder(job.id, job.attempts, job.planChecked, request.account, request.plan,
                request.stepsDone,
                request.userName, request.userArn, request.owner, new Attribution(request.id, request.requester,
                        request.approvers()), request.type, job.traceparent, request.submitTraceparent));
    }

    /** Records that the plan still held in IAM when execution began, so that no later attempt checks again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean planChecked(ExecutionOrder order, String worker) {
        return held(order, worker).map(job -> {
            job.planChecked = true;
            return true;
        }).orElse(false);
    }

    /**
     * Records that step {@code index} of the plan is done, with what it revealed (the user's ARN, the key made).
     * Returns false when the worker has lost the job: it must stop, the job's new holder goes on.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean stepDone(ExecutionOrder order, String worker, int index, StepResult result) {
        return held(order, worker).map(job -> {
            AccessRequest request = request(job);
            if (request.stepsDone != index) {
                throw new IllegalStateException("step " + index + " reported while " + request.stepsDone
                        + " steps are done");
            }
            Instant now = clock.instant();
            issued.stepDone(order, index, result.newKey(), now);
            audit.record(request.stepDone(worker, now).audit("execution.step-done"));
            jobs.extend(job);
            request.userArnFound(result.userArn());
            return true;
        }).orElse(false);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(ExecutionOrder order, String worker) {
        held(order, worker).ifPresent(job -> {
            Instant now = clock.instant();
            AccessRequest request = request(job);
            audit.record(request.succeed(request.userArn, worker, now).audit("execution.succeeded"));
            job.finish(Phase.DONE, null, now);
        });
    }

    /** Parks the job until its request's owner supplies MFA codes. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void awaitMfaCodes(ExecutionOrder order, String worker) {
        held(order, worker).ifPresent(job -> {
            Instant now = clock.instant();
            audit.record(request(job).awaitMfaCodes(worker, now).audit("execution.awaiting-mfa-codes"));
            job.park(now);
        });
    }

    /** Ends a parked job and its request as failed, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failWaiting(AccessRequest request, String actor, String reason) {
        Instant now = clock.instant();
        ExecutionJob.<ExecutionJob>find("requestId", request.id).firstResultOptional()
                .filter(j -> j.state == ExecutionJob.State.WAITING)
                .ifPresent(job -> job.finish(Phase.FAILED, reason, now));
        audit.record(request.fail(reason, actor, now).audit("execution.failed"));
    }

    /** Puts a parked job back in the queue, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requeue(UUID requestId) {
        ExecutionJob job = ExecutionJob.<ExecutionJob>find("requestId", requestId).firstResultOptional()
                .filter(j -> j.state == ExecutionJob.State.WAITING)
                .orElseThrow(() -> new IllegalStateException("request " + requestId + " has no waiting job"));
        job.requeue(clock.instant());
    }

    /**
     * Queues the job again after a backoff that grows with its attempts; once they are spent, fails it and its
     * request with {@code finalReason}. Returns whether it will be tried again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean retryLater(ExecutionOrder order, String worker, String error, String finalReason) {
        return held(order, worker).map(job -> {
            Instant now = clock.instant();
            Optional<Duration> delay = jobs.retryOrFail(job, error);
            if (delay.isEmpty()) {
                job.lastError = finalReason;
                audit.record(request(job).fail(finalReason, worker, now).audit("execution.failed"));
                return false;
            }
            audit.record(new StatusChange(job.requestId, order.account(), RequestStatus.EXECUTING,
                    RequestStatus.EXECUTING, worker, now, "attempt " + order.attempt() + " failed, retrying in "
                    + delay.get() + ": " + error).audit("execution.retry-scheduled"));
            return true;
        }).orElse(false);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(ExecutionOrder order, String worker, String reason) {
        held(order, worker).ifPresent(job -> {
            Instant now = clock.instant();
            audit.record(request(job).fail(reason, worker, now).audit("execution.failed"));
            job.finish(Phase.FAILED, reason, now);
        });
    }

    /** Hands back a job the worker claimed but did not start: queued again for now, the claim not counted. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(ExecutionOrder order, String worker) {
        held(order, worker).ifPresent(job -> handBack(job, worker));
    }

    /**
     * Hands back every job {@code worker} holds; only once none of its runs is in progress, so that what it
     * holds is what it claimed and never started. Returns how many.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseAll(String worker) {
        List<ExecutionJob> held = jobs.handBackAll(worker);
        held.forEach(job -> audited(job, worker));
        return held.size();
    }

    /** Renews the leases of the jobs {@code worker} is on; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int renewLeases(String worker) {
        return jobs.renew(worker);
    }

    /** Deletes the jobs done before {@code before}; failed ones stay with their requests' history. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteDone(Instant before) {
        return jobs.deleteDone(before);
    }

    private void handBack(ExecutionJob job, String worker) {
        job.handBack(clock.instant());
        audited(job, worker);
    }

    private void audited(ExecutionJob job, String worker) {
        Instant now = clock.instant();
        // Read, not locked: only the account is needed, and it never changes once the request is made.
        String account = Requests.get(job.requestId).account;
        audit.record(new StatusChange(job.requestId, account, RequestStatus.EXECUTING, RequestStatus.EXECUTING,
                worker, now, "handed back unstarted as the worker stopped").audit("execution.released"));
    }

    /** The job if this worker still holds it; a worker whose lease ran out has lost it to another. */
    private Optional<ExecutionJob> held(ExecutionOrder order, String worker) {
        Optional<ExecutionJob> job = jobs.held(order.jobId(), worker, order.attempt());
        if (job.isEmpty()) {
            Log.warnf("Job %d is no longer held by %s; its outcome is left to the worker that holds it",
                    order.jobId(), worker);
        }
        return job;
    }

    private AccessRequest request(ExecutionJob job) {
        return Requests.lockForUpdate(job.requestId).orElseThrow();
    }
}
