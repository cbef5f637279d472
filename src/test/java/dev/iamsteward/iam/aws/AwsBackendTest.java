package dev.iamsteward.iam.aws;

import static dev.iamsteward.support.Requests.approve;
import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Requests.submitCreateUser;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.support.MotoServer;
import dev.iamsteward.support.Secrets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The whole service on the AWS adapter, against moto over HTTP: CDI wiring, config and the request path. */
@QuarkusTest
@TestProfile(AwsBackendTest.OnMoto.class)
class AwsBackendTest {

    /**
     * Runs the service with {@code steward.iam.backend=aws}, secrets wrapped by a KMS key and copied to
     * Secrets Manager, every endpoint pointing at moto.
     */
    public static class OnMoto implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String moto = MotoServer.withManagedPolicies().endpoint().toString();
            return Map.ofEntries(Map.entry("steward.iam.backend", "aws"),
                    // no organization: moto has no AssumeRoot (the sandbox organization
                    // of the test profile is off here)
                    Map.entry("steward.organization.account-id", ""),
                    // moto ignores CreateUser's PermissionsBoundary: the boundary check is the in-memory IAM's to test
                    Map.entry("steward.iam.credentials-need-boundary", "false"),
                    Map.entry("steward.aws.role-arn", "arn:aws:iam::123456789012:role/iam-steward-broker"),
                    Map.entry("steward.iam.permissions-boundary-arn",
                            "arn:aws:iam::123456789012:policy/iam-steward/managed-user-boundary"),
                    Map.entry("steward.aws.external-id", "iam-steward-test"),
                    Map.entry("steward.aws.iam-endpoint", moto),
                    Map.entry("steward.aws.sts-endpoint", moto),
                    Map.entry("steward.credentials.kms.key-id", kmsKey(moto)),
                    Map.entry("steward.credentials.kms.endpoint", moto),
                    Map.entry("steward.credentials.secrets-manager.enabled", "true"),
                    Map.entry("steward.credentials.secrets-manager.endpoint", moto));
        }

        private static String kmsKey(String moto) {
            try (KmsClient kms = KmsClient.builder().endpointOverride(URI.create(moto)).region(Region.US_EAST_1)
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
                return kms.createKey(k -> k.description("iam-steward test key")).keyMetadata().arn();
            }
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
    void aNewKeysSecretIsWrappedWithKmsAndCopiedToSecretsManager() {
        String userName = uniqueUserName("kms");
        approve(submitCreateUser(userName));
        worker.runDueJobs();
        String id = submit("CREATE_ACCESS_KEY", userName, Map.of());
        approve(id);
        worker.runDueJobs();

        var view = as("alice", "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("SUCCEEDED")).extract();
        String secret = Secrets.retrieve("alice", view.path("secrets[0].id")).statusCode(200).extract()
                .path("secret");
        try (SecretsManagerClient secrets = SecretsManagerClient.builder()
                .endpointOverride(MotoServer.withManagedPolicies().endpoint()).region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            String name = "iam-steward/" + userName + "/access_key_secret/" + view.path("secrets[0].label");
            assertEquals(secret, secrets.getSecretValue(r -> r.secretId(name)).secretString());
        }
    }

    @Test
    void consoleAccessIsGrantedOnMotoWithAwsManagedPoliciesLoaded() {
        String userName = uniqueUserName("console");
        approve(submitCreateUser(userName));
        worker.runDueJobs();
        String id = submit("GRANT_CONSOLE_ACCESS", userName, Map.of());
        approve(id);
        worker.runDueJobs();

        as("alice", "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("SUCCEEDED"));
        try (IamClient iam = motoIam()) {
            assertEquals(userName, iam.getLoginProfile(r -> r.userName(userName)).loginProfile().userName());
            assertEquals(List.of("arn:aws:iam::aws:policy/IAMUserChangePassword"),
                    iam.listAttachedUserPolicies(r -> r.userName(userName)).attachedPolicies().stream()
                            .map(AttachedPolicy::policyArn).toList());
        }
    }

    @Test
    void anOffboardingOnMotoSaysWhichListingTheEndpointLacksAndDeletesTheUser() {
        String userName = uniqueUserName("leaver");
        approve(submitCreateUser(userName));
        worker.runDueJobs();

        String id = submit("OFFBOARD_USER", userName, Map.of());
        as("alice", "requester").get("/v1/requests/{id}", id).then()
                .body("planNotes", equalTo(List.of("service-specific credentials: not listed, the endpoint does "
                        + "not implement ListServiceSpecificCredentials")))
                .body("plan.action", not(hasItem("iam:DeleteServiceSpecificCredential")))
                .body("plan.action", hasItem("iam:DeleteUser"));
        approve(id);
        worker.runDueJobs();

        as("alice", "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("SUCCEEDED"));
        try (IamClient iam = motoIam()) {
            assertThrows(NoSuchEntityException.class, () -> iam.getUser(r -> r.userName(userName)));
        }
    }

    /** moto's IAM in its default account, the one the broker role's sessions act in. */
    private static IamClient motoIam() {
        return IamClient.builder().endpointOverride(MotoServer.withManagedPolicies().endpoint())
                .region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Test
    void readinessSaysTheBackendIsRealAwsAndReachable() {
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'iam' }.data.backend", equalTo("aws"))
                .body("checks.find { it.name == 'iam' }.data.sandbox", equalTo(false))
                .body("checks.find { it.name == 'iam' }.data.reachable", equalTo(true))
                // moto does not implement SimulatePrincipalPolicy: the self-check ran and could not check
                .body("checks.find { it.name == 'broker-self-check' }.data.result", equalTo("NOT_CHECKED"));
    }
}
