package dev.iamsteward.support;

import dev.iamsteward.execution.JobWorker;
import java.util.Map;

/** Whole request flows that tests build on: approve and execute, a managed user, an empty job queue. */
public final class Flows {

    private Flows() {
    }

    /** Runs every due job, so that jobs other test classes left behind are not claimed by the next test. */
    public static void drain(JobWorker worker) {
        int ran;
        do {
            ran = worker.runDueJobs();
        } while (ran > 0);
    }

    /** Approves a request and lets the worker execute it; returns its id. */
    public static String approveAndRun(JobWorker worker, String requestId) {
        Requests.approve(requestId);
        worker.runDueJobs();
        return requestId;
    }

    /** A user created through the service, owned by {@code owner}. */
    public static String managedUser(JobWorker worker, String prefix, String owner) {
        String user = Requests.uniqueUserName(prefix);
        approveAndRun(worker, Requests.submit("CREATE_USER", user, Map.of("owner", owner)));
        return user;
    }
}
