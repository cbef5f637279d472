package dev.iamsteward.iam.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.support.MotoServer;
import io.opentelemetry.api.OpenTelemetry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A freshly reset moto for one test: the adapter under test, and a plain IAM client for the setup the port
 * cannot do itself (groups, policies, certificates, account settings).
 */
final class MotoIam implements AutoCloseable {

    static final String ACCOUNT = "123456789012";
    static final String BOUNDARY = "arn:aws:iam::" + ACCOUNT + ":policy/steward-boundary";
    static final String ALLOW_LIST_BUCKETS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}";

    private final MotoServer moto;
    private final AwsIamDirectory directory;
    private final IamClient setup;

    private MotoIam(MotoServer moto) {
        this.moto = moto;
        moto.reset();
        directory = new AwsIamDirectory(TestAwsConfig.pointingAt(moto.endpoint(), moto.endpoint()),
                OpenTelemetry.noop());
        setup = IamClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.US_EAST_1).endpointOverride(moto.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
    }

    static MotoIam fresh() {
        return new MotoIam(MotoServer.get());
    }

    /** A freshly reset moto that knows AWS's managed policies, for tests that attach them. */
    static MotoIam withManagedPolicies() {
        return new MotoIam(MotoServer.withManagedPolicies());
    }

    /** The adapter under test. */
    AwsIamDirectory directory() {
        return directory;
    }

    /** A plain IAM client on moto, for arranging what the port does not create. */
    IamClient setup() {
        return setup;
    }

    MotoServer server() {
        return moto;
    }

    /** Creates a user under /steward/ through the adapter and returns its name. */
    String user(String name) {
        directory.createUser(new NewUser(name, "/steward/", BOUNDARY, Map.of()), request());
        return name;
    }

    /** Creates a customer managed policy and returns its ARN. */
    String managedPolicy(String name) {
        return setup.createPolicy(r -> r.policyName(name).policyDocument(ALLOW_LIST_BUCKETS)).policy().arn();
    }

    /** The AssumeRole calls moto has answered with this session name, from its state dump. */
    List<JsonNode> sessionsNamed(String sessionName) {
        JsonNode assumed = moto.state().path("sts").path("AssumedRole");
        return StreamSupport.stream(assumed.spliterator(), false)
                .filter(s -> sessionName.equals(s.path("session_name").asText()))
                .toList();
    }

    static Attribution request() {
        return new Attribution(UUID.randomUUID(), "requester", List.of("approver"));
    }

    @Override
    public void close() {
        setup.close();
        directory.close();
    }
}
