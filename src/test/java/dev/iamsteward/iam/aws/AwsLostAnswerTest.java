package dev.iamsteward.iam.aws;

import static dev.iamsteward.support.Requests.approve;
import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Requests.submitCreateUser;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.MotoServer;
import dev.iamsteward.support.Secrets;
import dev.iamsteward.support.StallingProxy;
import dev.iamsteward.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The whole service on the AWS adapter, IAM being moto behind a proxy that holds back CreateAccessKey's answer past
 * the SDK's attempt timeout: when the request is done, moto holds exactly one key, and it is the one delivered.
 */
@QuarkusTest
@TestProfile(AwsLostAnswerTest.BehindStallingProxy.class)
class AwsLostAnswerTest {

    private static final String PROXY = "iam-steward-test.stalling-proxy";
    private static final String MOTO = "iam-steward-test.stalling-proxy.target";

    /** The AWS backend with IAM reached through the proxy, each attempt bounded at 2 s and each call at 5 s. */
    public static class BehindStallingProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String moto = moto().toString();
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
                    Map.entry("steward.aws.iam-endpoint", proxy().toString()),
                    Map.entry("steward.aws.sts-endpoint", moto),
                    Map.entry("steward.aws.call-attempt-timeout", "2s"),
                    Map.entry("steward.aws.call-timeout", "5s"));
        }
    }

    /**
     * One proxy per JVM, found again by its address whichever class loader asks: the test profile's and the test's
     * each have their own {@link MotoServer}, so both go by the moto the proxy forwards to.
     */
    static synchronized URI proxy() {
        String running = System.getProperty(PROXY);
        if (running == null) {
            URI moto = MotoServer.get().endpoint();
            running = StallingProxy.to(moto).endpoint().toString();
            System.setProperty(MOTO, moto.toString());
            System.setProperty(PROXY, running);
        }
        return URI.create(running);
    }

    /** The moto behind the proxy. */
    static URI moto() {
        proxy();
        return URI.create(System.getProperty(MOTO));
    }

    @Inject
    JobWorker worker;

    @Inject
    TestClock clock;

    @BeforeEach
    void drainLeftoverJobs() {
        Flows.drain(worker);
    }

    @Test
    void aKeyWhoseAnswerTimedOutIsRemovedAndTheDeliveredKeyIsTheOnlyOne() {
        String user = uniqueUserName("late");
        approve(submitCreateUser(user));
        worker.runDueJobs();
        long before = StallingProxy.count(proxy(), "CreateAccessKey");
        StallingProxy.stallAnswers(proxy(), "CreateAccessKey", 1, Duration.ofSeconds(4));

        String id = submit("CREATE_ACCESS_KEY", user, Map.of());
        approve(id);
        worker.runDueJobs();
        as("alice", "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("EXECUTING"));
        clock.advance(Duration.ofHours(1));
        worker.runDueJobs();

        var view = as("alice", "requester").get("/v1/requests/{id}", id).then()
                .body("status", equalTo("SUCCEEDED"))
                // proven with GetCallerIdentity on moto, signed with the key, before the secret was ready
                .body("secrets[0].keyProof.state", equalTo("PROVEN"))
                .body("secrets[0].keyProof.checks", equalTo(1)).extract();
        String delivered = view.path("secrets[0].label");
        String secret = Secrets.retrieve("alice", view.path("secrets[0].id")).statusCode(200).extract()
                .path("secret");
        assertEquals(2, StallingProxy.count(proxy(), "CreateAccessKey") - before, "one call per attempt, no more");
        try (IamClient moto = motoIam()) {
            List<String> keys = moto.listAccessKeys(r -> r.userName(user)).accessKeyMetadata().stream()
                    .map(AccessKeyMetadata::accessKeyId).toList();
            assertEquals(List.of(delivered), keys, "moto holds exactly the delivered key");
        }
        assertEquals("arn:aws:iam::123456789012:user/iam-steward/" + user, callerArn(delivered, secret));
    }

    private static IamClient motoIam() {
        return IamClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
                .endpointOverride(moto())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing",
                        "testing")))
                .build();
    }

    /** Who moto's STS says the delivered key belongs to. */
    private static String callerArn(String keyId, String secret) {
        try (StsClient sts = StsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.US_EAST_1).endpointOverride(moto())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .build()) {
            return sts.getCallerIdentity().arn();
        }
    }
}
