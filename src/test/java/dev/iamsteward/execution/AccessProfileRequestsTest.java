package dev.iamsteward.execution;

import static dev.iamsteward.support.Requests.approveAs;
import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Groups and managed policies come only from the catalog's access profiles, within IAM's quotas. */
@QuarkusTest
class AccessProfileRequestsTest {

    @Inject
    JobWorker worker;

    @Inject
    InMemoryIamDirectory iam;

    /** Jobs other test classes left due would otherwise be claimed first. */
    @BeforeEach
    void drainLeftoverJobs() {
        Flows.drain(worker);
    }

    @Test
    void theCatalogIsVisible() {
        as("alice", "requester").get("/v1/access-profiles").then().statusCode(200)
                .body("name", equalTo(List.of("billing", "data-read", "ops")))
                .body("find { it.name == 'ops' }.groups", equalTo(List.of("ops", "on-call")))
                .body("find { it.name == 'ops' }.risk", equalTo("HIGH"));
    }

    @Test
    void aProfileIsGrantedAndTakenAway() {
        String user = managedUser();
        run(submit("ADD_TO_GROUP", user, Map.of("profile", "ops")));
        assertEquals(List.of("ops", "on-call"), iam.listGroupsForUser(user));
        refused(user, "ADD_TO_GROUP", "ops", 409, "state-conflict");

        run(submit("ATTACH_POLICY", user, Map.of("profile", "billing")));
        run(submit("ATTACH_POLICY", user, Map.of("profile", "data-read")));
        assertEquals(List.of("arn:aws:iam::aws:policy/job-function/Billing",
                "arn:aws:iam::000000000000:policy/data-read"), iam.listAttachedUserPolicies(user));

        run(submit("REMOVE_FROM_GROUP", user, Map.of("profile", "ops")));
        run(submit("DETACH_POLICY", user, Map.of("profile", "billing")));
        assertEquals(List.of(), iam.listGroupsForUser(user));
        assertEquals(List.of("arn:aws:iam::000000000000:policy/data-read"), iam.listAttachedUserPolicies(user));
        refused(user, "REMOVE_FROM_GROUP", "ops", 409, "state-conflict");
    }

    @Test
    void anythingOutsideTheCatalogIsRefused() {
        String user = managedUser();
        refused(user, "ADD_TO_GROUP", "AdministratorAccess", 422, "unknown-profile");
        refused(user, "ATTACH_POLICY", "ops", 422, "unknown-profile");
        as("alice", "requester").contentType(ContentType.JSON)
                .body(Map.of("type", "ADD_TO_GROUP", "userName", user, "reason", "no profile"))
                .post("/v1/requests").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("needs a profile"));
    }

    @Test
    void theGroupQuotaIsCheckedBeforeApproval() {
        String user = managedUser();
        Attribution outside = new Attribution(UUID.randomUUID(), "someone", List.of());
        for (int i = 0; i < 9; i++) {
            String group = "filler-" + i + "-" + user;
            iam.createGroup(group);
            iam.addUserToGroup(group, user, outside);
        }
        refused(user, "ADD_TO_GROUP", "ops", 409, "quota-exceeded");
        assertEquals(9, iam.listGroupsForUser(user).size());
    }

    private static void refused(String user, String type, String profile, int status, String problem) {
        as("alice", "requester").contentType(ContentType.JSON)
                .body(Map.of("type", type, "userName", user, "profile", profile, "reason", "x"))
                .post("/v1/requests").then().statusCode(status)
                .body("type", equalTo("urn:iam-steward:problem:" + problem));
    }

    private String managedUser() {
        String user = uniqueUserName("profiled");
        run(submit("CREATE_USER", user, Map.of("owner", "olivia")));
        return user;
    }

    /** Approves as one approver, and as a second where the profile's risk asks for two, then executes. */
    private void run(String id) {
        if (approveAs("bob", id).equals("PENDING_APPROVAL")) {
            assertEquals("APPROVED", approveAs("carol", id));
        }
        worker.runDueJobs();
        as("alice", "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("SUCCEEDED"));
    }
}
