package dev.iamsteward.execution;

import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.common.LogContext;
import dev.iamsteward.queue.QueueWorker;
import dev.iamsteward.queue.WorkerLeases;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.request.RequestPlanner;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs due jobs: claim, execute against IAM, report the outcome; throttling and IAM failures are retried. At
 * shutdown it stops claiming and hands back what it has not started.
 */
@ApplicationScoped
public class JobWorker implements QueueWorker {

    private final JobQueue queue;
    private final RequestPlanner planner;
    private final RequestExecutor executor;
    private final ExecutionConfig config;
    private final TargetAccounts accounts;
    private final ExecutionSpans spans;
    private final WorkerLeases<ExecutionOrder> leases;

    JobWorker(JobQueue queue, RequestPlanner planner, RequestExecutor executor, ExecutionConfig config,
            TargetAccounts accounts, ExecutionSpans spans) {
        this.queue = queue;
        this.accounts = accounts;
        this.spans = spans;
        this.planner = planner;
        this.executor = executor;
        this.config = config;
        this.leases = new WorkerLeases<>("worker", queue);
    }

    /** Runs the jobs that are due now, at most a batch of them; returns how many it ran. */
    public int runDueJobs() {
        return runUpTo(config.batchSize());
    }

    private int runUpTo(int most) {
        // A job claimed as the worker was told to stop has not started, so another replica takes it now.
        return leases.runBatch(most, order -> {
            Span span = spans.start(order);
            try (LogContext context = LogContext.forRequest(order.requestId(), accountId(order));
                    Scope scope = span.makeCurrent()) {
                run(order);
            } finally {
                span.end();
            }
        }, order -> queue.release(order, leases.workerId()));
    }

    @Override
    public boolean runOne() {
        return runUpTo(1) > 0;
    }

    @Override
    public void renewLeases() {
        leases.renewLeases();
    }

    /**
     * Claims nothing more, lets the job in progress finish within {@code grace}, and hands back what this worker
     * claimed but has not started. A job still running after the grace period keeps its lease, so that nobody
     * runs it twice at once; another replica resumes it when the lease, no longer renewed, runs out.
     */
    @Override
    public void stop(Duration grace) {
        OptionalInt released = leases.stop(grace);
        if (released.isEmpty()) {
            Log.warnf("%s stopped with a job still running; it is resumed elsewhere when its lease runs out",
                    leases.workerId());
        } else if (released.getAsInt() > 0) {
            Log.infof("%s handed back %d claimed job(s) it had not started", leases.workerId(),
                    released.getAsInt());
        }
    }

    /** What a request shows of an IAM error: AccessDenied names roles and accounts, so only the log has it. */
    private static String describe(ExecutionOrder order, IamException e) {
        if (e instanceof IamException.AccessDenied) {
            Log.warnf("Request %s: IAM AccessDenied: %s", order.requestId(), e.getMessage());
            return "IAM AccessDenied: the broker role may not do this; the service log has IAM's message";
        }
        return "IAM " + e.code() + ": " + e.getMessage();
    }

    /** Whether {@link #stop} was called: from then on the worker claims nothing. */
    public boolean isStopping() {
        return leases.isStopping();
    }

    public String workerId() {
        return leases.workerId();
    }

    /** The AWS account id the log lines name; none when the request's account is no longer configured. */
    private String accountId(ExecutionOrder order) {
        return accounts.has(order.account()) ? accounts.get(order.account()).accountId() : null;
    }

    private void run(ExecutionOrder order) {
        if (!accounts.has(order.account())) {
            // No attempt can succeed until the configuration changes again, and retrying would hide why.
            failed(order, TargetAccounts.removed(order.account()) + "; nothing more was done");
            return;
        }
        try {
            if (planStillHolds(order)) {
                runSteps(order);
            }
        } catch (AwaitingMfaCodes e) {
            queue.awaitMfaCodes(order, leases.workerId());
        } catch (ExecutionFailure e) {
            failed(order, e.getMessage());
        } catch (IamException e) {
            String error = describe(order, e);
            if (e.retryable()) {
                retryLater(order, error, error);
            } else {
                failed(order, error);
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "Job %d failed unexpectedly on attempt %d", order.jobId(), order.attempt());
            retryLater(order, "internal error", "internal error; see the service log for job " + order.jobId());
        }
    }

    /**
     * Before the first step the plan is made again: if IAM changed, the job fails with the difference and nothing
     * done. False when the job is not to go on (failed, or no longer this worker's).
     */
    private boolean planStillHolds(ExecutionOrder order) {
        if (order.planChecked()) {
            return true;
        }
        Optional<String> drift = planner.drift(order.requestId());
        if (drift.isPresent()) {
            failed(order, "IAM changed since the plan was made, so nothing was done: " + drift.get());
            return false;
        }
        return queue.planChecked(order, leases.workerId());
    }

    /** Runs the steps not done yet, each recorded as done; stops where the job is no longer this worker's. */
    private void runSteps(ExecutionOrder order) {
        for (int step = order.stepsDone(); step < order.plan().size(); step++) {
            StepResult result = executor.runStep(order, step);
            if (!queue.stepDone(order, leases.workerId(), step, result)) {
                return;
            }
        }
        queue.succeeded(order, leases.workerId());
    }

    /** The attempt's span shows the error the request shows, and no stack trace. */
    private void retryLater(ExecutionOrder order, String error, String finalReason) {
        Span.current().setStatus(StatusCode.ERROR, "retrying: " + error);
        if (!queue.retryLater(order, leases.workerId(), error, finalReason)) {
            Span.current().setStatus(StatusCode.ERROR, finalReason);
        }
    }

    private void failed(ExecutionOrder order, String reason) {
        Span.current().setStatus(StatusCode.ERROR, reason);
        queue.failed(order, leases.workerId(), reason);
    }
}
