package dev.iamsteward.iam.aws;

import static dev.iamsteward.support.Requests.approve;
import static dev.iamsteward.support.Requests.submitCreateUser;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.support.MotoServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole service on the AWS adapter, against moto over HTTP: CDI wiring, config and the request path. */
@QuarkusTest
@TestProfile(AwsBackendTest.OnMoto.class)
class AwsBackendTest {

    /** Runs the service with {@code steward.iam.backend=aws}, its endpoints pointing at moto. */
    public static class OnMoto implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String moto = MotoServer.get().endpoint().toString();
            return Map.of(
                    "steward.iam.backend", "aws",
                    "steward.aws.role-arn", "arn:aws:iam::123456789012:role/iam-steward-broker",
                    "steward.aws.external-id", "iam-steward-test",
                    "steward.aws.iam-endpoint", moto,
                    "steward.aws.sts-endpoint", moto);
        }
    }

    @Inject
    JobWorker worker;

    @Test
    void anApprovedRequestCreatesTheUserInIamThroughTheAdapter() {
        String userName = uniqueUserName("moto");
        String id = submitCreateUser(userName);
        approve(id);
        worker.runDueJobs();

        as("alice", "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("SUCCEEDED"))
                .body("userArn", equalTo("arn:aws:iam::123456789012:user/iam-steward/" + userName));
        as("erin", "auditor").get("/v1/users/{name}", userName).then().statusCode(200)
                .body("path", equalTo("/iam-steward/"))
                .body("createdByRequest", equalTo(id));
        as("erin", "auditor").get("/v1/users").then().statusCode(200).body("items.userName", hasItem(userName));
    }

    @Test
    void readinessSaysTheBackendIsRealAws() {
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'iam' }.data.backend", equalTo("aws"))
                .body("checks.find { it.name == 'iam' }.data.sandbox", equalTo(false));
    }
}
