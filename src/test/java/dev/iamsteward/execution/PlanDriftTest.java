package dev.iamsteward.execution;

import static dev.iamsteward.support.Requests.approve;
import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When IAM changed between plan and execution, the request fails with the difference and does nothing. */
@QuarkusTest
class PlanDriftTest {

    private static final Attribution OUTSIDE = new Attribution(UUID.randomUUID(), "someone", List.of());

    @Inject
    JobWorker worker;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    dev.iamsteward.support.TestClock clock;

    /** Jobs other test classes left due would otherwise be claimed first. */
    @BeforeEach
    void drainLeftoverJobs() {
        Flows.drain(worker);
    }

    @Test
    void aChangeThatMakesTheRequestPointlessIsReported() {
        String user = managedUser();
        run(submit("CREATE_ACCESS_KEY", user, Map.of()));
        String key = iam.listAccessKeys(user).get(0).accessKeyId();
        String id = submit("DEACTIVATE_ACCESS_KEY", user, Map.of("accessKeyId", key));
        approve(id);
        iam.updateAccessKey(user, key, AccessKey.Status.INACTIVE, OUTSIDE);
        long updates = calls("UpdateAccessKey", user);

        worker.runDueJobs();

        as("alice", "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("FAILED"))
                .body("failureReason", containsString("it would now be refused: access key " + key
                        + " is already INACTIVE"));
        assertEquals(updates, calls("UpdateAccessKey", user));
    }

    @Test
    void aChangeThatAltersThePlanIsDescribed() {
        String user = managedUser();
        String id = submit("SUSPEND_USER", user, Map.of());
        approve(id);
        iam.createAccessKey(user, OUTSIDE);

        worker.runDueJobs();

        as("alice", "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("FAILED"))
                .body("failureReason", containsString("step 2 was iam:DeleteLoginProfile"));
    }

    @Test
    void aFirstAttemptCutShortStillChecksThePlanOnTheNextOne() {
        String user = managedUser();
        run(submit("CREATE_ACCESS_KEY", user, Map.of()));
        String id = submit("SUSPEND_USER", user, Map.of());
        approve(id);
        iam.createAccessKey(user, OUTSIDE);
        iam.faults().throttleNext("GetUser", 1);

        worker.runDueJobs();
        clock.advance(java.time.Duration.ofHours(1));
        worker.runDueJobs();

        as("alice", "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("FAILED"))
                .body("failureReason", containsString("IAM changed since the plan was made"));
        assertEquals(2, iam.listAccessKeys(user).stream().filter(k -> k.status() == AccessKey.Status.ACTIVE)
                .count(), "nothing was suspended");
    }

    @Test
    void aNewOwnerIsADifferenceSinceTheSecretWouldGoToSomeoneElse() {
        String user = managedUser();
        String id = submit("CREATE_ACCESS_KEY", user, Map.of());
        approve(id);
        iam.tagUser(user, Map.of("iam-steward:owner", "mallory"), OUTSIDE);

        worker.runDueJobs();

        as("alice", "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("FAILED"))
                .body("failureReason", containsString("was olivia and is now mallory"));
        assertEquals(0, iam.listAccessKeys(user).size());
    }

    private String managedUser() {
        String user = uniqueUserName("drift");
        run(submit("CREATE_USER", user, Map.of("owner", "olivia")));
        run(submit("GRANT_CONSOLE_ACCESS", user, Map.of()));
        return user;
    }

    private void run(String id) {
        Flows.approveAndRun(worker, id);
    }

    private long calls(String operation, String user) {
        return iam.calls().stream().filter(c -> c.operation().equals(operation) && user.equals(c.userName())).count();
    }
}
