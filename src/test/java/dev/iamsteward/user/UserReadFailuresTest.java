package dev.iamsteward.user;

import static dev.iamsteward.support.Requests.approve;
import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@code GET /v1/users/{userName}} answers when the user is not ours, or changes while it is read. */
@QuarkusTest
class UserReadFailuresTest {

    @Inject
    JobWorker worker;

    @Inject
    InMemoryIamDirectory iam;

    @AfterEach
    void clearFaults() {
        iam.faults().clear();
    }

    @Test
    void aUserOutsideTheManagedPathIsNotFound() {
        String outsider = uniqueUserName("outsider");
        iam.createUser(new NewUser(outsider, "/", "arn:aws:iam::000000000000:policy/boundary", Map.of()),
                UserDetailTest.BY);

        as("erin", "auditor").get("/v1/users/{name}", outsider).then().statusCode(404)
                .body("type", equalTo("urn:iam-steward:problem:not-found"));
        as("erin", "auditor").get("/v1/users/{name}", uniqueUserName("nobody")).then().statusCode(404);
    }

    @Test
    void aUserDeletedWhileItIsReadIsNotFoundRatherThanAnIamError() {
        String user = managedUser();
        iam.faults().failNext("ListAccessKeys", 1, () -> new IamException.NoSuchEntity("The user cannot be found."));

        as("erin", "auditor").get("/v1/users/{name}", user).then().statusCode(404)
                .body("type", equalTo("urn:iam-steward:problem:not-found"));
    }

    @Test
    void aKeyDeletedBetweenListingAndLastUseIsLeftOut() {
        String user = managedUser();
        String first = iam.createAccessKey(user, UserDetailTest.BY).key().accessKeyId();
        String second = iam.createAccessKey(user, UserDetailTest.BY).key().accessKeyId();
        iam.faults().failNext("GetAccessKeyLastUsed", 1,
                () -> new IamException.NoSuchEntity("The Access Key with id " + first + " cannot be found."));

        List<String> shown = as("erin", "auditor").get("/v1/users/{name}", user).then().statusCode(200)
                .extract().path("accessKeys.accessKeyId");

        assertEquals(List.of(second), shown);
    }

    @Test
    void throttledIamIsReportedAsUnavailable() {
        String user = managedUser();
        iam.faults().throttleNext("ListMFADevices", 1);

        as("erin", "auditor").get("/v1/users/{name}", user).then().statusCode(503)
                .body("type", equalTo("urn:iam-steward:problem:iam-unavailable"));
    }

    private String managedUser() {
        String user = uniqueUserName("racing");
        approve(submit("CREATE_USER", user, Map.of("owner", "olivia")));
        worker.runDueJobs();
        as("erin", "auditor").get("/v1/users/{name}", user).then().statusCode(200);
        return user;
    }
}
