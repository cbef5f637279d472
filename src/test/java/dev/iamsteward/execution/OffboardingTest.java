package dev.iamsteward.execution;

import static dev.iamsteward.support.Requests.approve;
import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.NewVirtualMfa;
import dev.iamsteward.iam.Totp;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.TestClock;
import dev.iamsteward.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Offboarding removes every dependent in order, then the user, and resumes from any step it was cut at. */
@QuarkusTest
class OffboardingTest {

    private static final Attribution OUTSIDE = new Attribution(UUID.randomUUID(), "someone", List.of());
    private static final List<String> FULL_PLAN = List.of("iam:DeleteLoginProfile", "iam:DeleteAccessKey",
            "iam:DeleteSigningCertificate", "iam:DeleteSSHPublicKey", "iam:DeleteServiceSpecificCredential",
            "iam:DeactivateMFADevice", "iam:DeleteVirtualMFADevice", "iam:DeleteUserPolicy", "iam:DetachUserPolicy",
            "iam:RemoveUserFromGroup", "iam:DeleteUser");

    @Inject
    JobWorker worker;

    @Inject
    JobQueue queue;

    @Inject
    RequestExecutor executor;

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    TestClock clock;

    @Inject
    ExecutionConfig config;

    /** Jobs other test classes left due would otherwise be claimed first. */
    @BeforeEach
    void drainLeftoverJobs() {
        Flows.drain(worker);
    }

    @Test
    void removesEveryKindOfDependentThenTheUser() {
        String user = userWithEveryDependent();
        String id = submit("OFFBOARD_USER", user, Map.of());
        as("alice", "requester").get("/v1/requests/{id}", id).then().body("plan.action", equalTo(FULL_PLAN));

        approve(id);
        worker.runDueJobs();

        as("alice", "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("SUCCEEDED"))
                .body("stepsDone", equalTo(FULL_PLAN.size()));
        assertTrue(iam.findUser(user).isEmpty());
    }

    @Test
    void cutAfterEveryStepAndBeforeRecordingIt_itResumesAndFinishesOnce() {
        String user = userWithEveryDependent();
        String id = submit("OFFBOARD_USER", user, Map.of());
        approve(id);
        Duration pastLease = config.lease().plusSeconds(1);

        for (int step = 0; step < FULL_PLAN.size(); step++) {
            ExecutionOrder first = queue.claimNext("dies-before-recording").orElseThrow();
            assertEquals(step, first.stepsDone());
            assertTrue(queue.planChecked(first, "dies-before-recording"));
            executor.runStep(first, step);
            clock.advance(pastLease);

            ExecutionOrder again = queue.claimNext("dies-after-recording").orElseThrow();
            assertEquals(step, again.stepsDone(), "an unrecorded step is run again");
            executor.runStep(again, step);
            assertTrue(queue.stepDone(again, "dies-after-recording", step, StepResult.NOTHING));
            clock.advance(pastLease);
        }
        ExecutionOrder last = queue.claimNext("finisher").orElseThrow();
        assertEquals(FULL_PLAN.size(), last.stepsDone());
        queue.succeeded(last, "finisher");

        as("alice", "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("SUCCEEDED"));
        assertTrue(iam.findUser(user).isEmpty());
        assertEquals(2, iam.calls().stream().filter(c -> c.operation().equals("DeleteUser")
                && user.equals(c.userName())).count(), "DeleteUser ran twice, the second finding the user gone");
    }

    @Test
    void aDependentAddedBeforeExecutionFailsTheRequestBeforeAnythingIsRemoved() {
        String user = userWithEveryDependent();
        String id = submit("OFFBOARD_USER", user, Map.of());
        approve(id);
        iam.putUserPolicy(user, "added-after-the-plan");

        worker.runDueJobs();

        as("alice", "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("FAILED"))
                .body("stepsDone", equalTo(0))
                .body("failureReason", containsString("IAM changed since the plan was made"));
        assertTrue(iam.findLoginProfile(user).isPresent(), "nothing was removed");
    }

    @Test
    void aDependentAddedDuringExecutionStopsItCleanlyAtDeleteUser() {
        String user = Flows.managedUser(worker, "late", "olivia");
        iam.createAccessKey(user, OUTSIDE);
        String id = submit("OFFBOARD_USER", user, Map.of());
        approve(id);
        ExecutionOrder order = queue.claimNext("slow-worker").orElseThrow();
        assertTrue(queue.planChecked(order, "slow-worker"));
        executor.runStep(order, 0);
        assertTrue(queue.stepDone(order, "slow-worker", 0, StepResult.NOTHING));
        iam.createAccessKey(user, OUTSIDE);

        ExecutionFailure refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionFailure.class,
                () -> executor.runStep(order, 1));

        assertTrue(refused.getMessage().contains("Submit OFFBOARD_USER again"), refused.getMessage());
        assertTrue(iam.findUser(user).isPresent());
    }

    /** A managed user holding one of every dependent IAM knows. */
    private String userWithEveryDependent() {
        String user = Flows.managedUser(worker, "leaver", "olivia");
        String group = "g-" + user;
        String policy = "arn:aws:iam::000000000000:policy/p-" + user;
        iam.createGroup(group);
        iam.createManagedPolicy(policy);
        iam.createLoginProfile(user, dev.iamsteward.common.Secret.of("Aa1!aaaaaaaaaaaa"), true, OUTSIDE);
        iam.createAccessKey(user, OUTSIDE);
        iam.uploadSigningCertificate(user);
        iam.uploadSshPublicKey(user);
        iam.createServiceSpecificCredential(user);
        NewVirtualMfa mfa = iam.createVirtualMfaDevice("mfa-" + user, "/", OUTSIDE);
        var now = clock.instant();
        iam.enableMfaDevice(user, mfa.serialNumber(), Totp.codeAt(mfa.base32Seed(), now),
                Totp.codeAt(mfa.base32Seed(), now.plusSeconds(30)), OUTSIDE);
        iam.putUserPolicy(user, "inline-" + user);
        iam.attachUserPolicy(user, policy, OUTSIDE);
        iam.addUserToGroup(group, user, OUTSIDE);
        return user;
    }
}
