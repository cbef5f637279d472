package dev.iamsteward.execution;

import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.common.LogContext;
import dev.iamsteward.queue.QueueWorker;
import dev.iamsteward.queue.WorkerGate;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.request.RequestPlanner;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

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
    private final String workerId = "worker-" + UUID.randomUUID().toString().substring(0, 8);
    private final WorkerGate gate = new WorkerGate();

    JobWorker(JobQueue queue, RequestPlanner planner, RequestExecutor executor, ExecutionConfig config,
            TargetAccounts accounts, ExecutionSpans spans) {
        this.queue = queue;
        this.accounts = accounts;
        this.spans = spans;
        this.planner = planner;
        this.executor = executor;
        this.config = config;
    }

    /** Runs the jobs that are due now, at most a batch of them; returns how many it ran. */
    public int runDueJobs() {
        return runUpTo(config.batchSize());
    }

    private int runUpTo(int most) {
        // A job claimed as the worker was told to stop has not started, so another replica takes it now.
        return gate.runBatch(most, () -> queue.claimNext(workerId), order -> {
            Span span = spans.start(order);
            try (LogContext context = LogContext.forRequest(order.requestId(), accountId(order));
                    Scope scope = span.makeCurrent()) {
                run(order);
            } finally {
                span.end();
            }
        }, order -> queue.release(order, workerId));
    }

    @Override
    public boolean runOne() {
        return runUpTo(1) > 0;
    }

    @Override
    public void renewLeases() {
        queue.renewLeases(workerId);
    }

    /**
     * Claims nothing more, lets the job in progress finish within {@code grace}, and hands back what this worker
     * claimed but has not started. A job still running after the grace period keeps its lease, so that nobody
     * runs it twice at once; another replica resumes it when the lease, no longer renewed, runs out.
     */
    @Override
    public void stop(Duration grace) {
        if (!gate.close(grace)) {
            Log.warnf("%s stopped with a job still running; it is resumed elsewhere when its lease runs out",
                    workerId);
            return;
        }
        int released = queue.releaseAll(workerId);
        if (released > 0) {
            Log.infof("%s handed back %d claimed job(s) it had not started", workerId, released);
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
        return gate.isClosed();
    }

    public String workerId() {
        return workerId;
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
            if (!order.planChecked()) {
                Optional<String> drift = planner.drift(order.requestId());
                if (drift.isPresent()) {
                    failed(order, "IAM changed since the plan was made, so nothing was done: " + drift.get());
                    return;
                }
                if (!queue.planChecked(order, workerId)) {
                    return;
                }
            }
            for (int step = order.stepsDone(); step < order.plan().size(); step++) {
                StepResult result = executor.runStep(order, step);
                if (!queue.stepDone(order, workerId, step, result)) {
                    return;
                }
            }
            queue.succeeded(order, workerId);
        } catch (AwaitingMfaCodes e) {
            queue.awaitMfaCodes(order, workerId);
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

    /** The attempt's span shows the error the request shows, and no stack trace. */
    private void retryLater(ExecutionOrder order, String error, String finalReason) {
        Span.current().setStatus(StatusCode.ERROR, "retrying: " + error);
        if (!queue.retryLater(order, workerId, error, finalReason)) {
            Span.current().setStatus(StatusCode.ERROR, finalReason);
        }
    }

    private void failed(ExecutionOrder order, String reason) {
        Span.current().setStatus(StatusCode.ERROR, reason);
        queue.failed(order, workerId, reason);
    }
}
