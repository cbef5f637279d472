package dev.iamsteward.common;

import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A submission that cannot reach IAM is a 503 problem that says when to try again, and its key is not kept. */
@QuarkusTest
class IamOutageAnswerTest {

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    OutageConfig config;

    @AfterEach
    void clearFaults() {
        iam.faults().clear();
    }

    @Test
    void aSubmissionWhileIamIsUnreachableIs503WithRetryAfterAndItsKeyCanBeRetried() {
        String user = Requests.uniqueUserName("outage");
        String key = UUID.randomUUID().toString();
        iam.faults().failNext("GetUser", 1, () -> new IamException.Unavailable("IAM could not be reached: "
                + "Client execution did not complete before the specified timeout"));

        submit(user, key).statusCode(503)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .header("Retry-After", String.valueOf(config.retryAfter().toSeconds()))
                .body("type", equalTo(ErrorKind.IAM_UNAVAILABLE.type().toString()));

        submit(user, key).statusCode(202);
    }

    private static io.restassured.response.ValidatableResponse submit(String user, String key) {
        return as(Requests.REQUESTER, "requester").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("type", "CREATE_USER", "userName", user, "reason", "Tooling for the data team"))
                .post("/v1/requests").then();
    }
}
