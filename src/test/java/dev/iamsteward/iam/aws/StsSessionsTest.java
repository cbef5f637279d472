package dev.iamsteward.iam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.support.MotoServer;
import io.opentelemetry.api.OpenTelemetry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Tag;

/** The broker-role sessions: what each AssumeRole asks for, and who the session is when moto answers it. */
class StsSessionsTest {

    private final MotoServer moto = MotoServer.get();
    private static final String ASSUMED = "arn:aws:sts::123456789012:assumed-role/iam-steward-broker/";

    private final UUID requestId = UUID.randomUUID();
    private StsClient sts;

    @BeforeEach
    void resetMoto() {
        moto.reset();
        sts = AwsClients.sts(config(Map.of()), OpenTelemetry.noop());
    }

    @AfterEach
    void closeClient() {
        sts.close();
    }

    @Test
    void attributedSessionIsTheBrokerRoleNamedAfterTheRequest() {
        try (StsSessions sessions = sessions(Map.of())) {
            String arn = callerArn(sessions.forAttribution(new Attribution(requestId, "alice", List.of())));

            assertEquals(ASSUMED + "steward-" + requestId, arn);
        }
    }

    @Test
    void serviceSessionIsTheBrokerRoleUnderTheServiceName() {
        try (StsSessions sessions = sessions(Map.of())) {
            assertEquals(ASSUMED + StsSessions.SERVICE_SESSION_NAME, callerArn(sessions.service()));
        }
    }

    @Test
    void attributedRequestCarriesRequestRequesterAndApprovers() {
        Attribution attribution = new Attribution(requestId, "alice@example.com", List.of("bob", "carol"));
        try (StsSessions sessions = sessions(Map.of())) {
            AssumeRoleRequest request = sessions.attributedRequest(attribution);

            assertEquals(TestAwsConfig.ROLE_ARN, request.roleArn());
            assertEquals("steward-" + requestId, request.roleSessionName());
            assertEquals("alice@example.com", request.sourceIdentity());
            assertEquals(TestAwsConfig.EXTERNAL_ID, request.externalId());
            assertEquals(900, request.durationSeconds());
            assertEquals(List.of(tag("steward-request-id", requestId.toString()),
                    tag("steward-requester", "alice@example.com"), tag("steward-approvers", "bob carol")),
                    request.tags());
        }
    }

    @Test
    void requesterIsCleanedForSourceIdentityAndTags() {
        String requester = "Jane Doe/ops#1";
        try (StsSessions sessions = sessions(Map.of())) {
            AssumeRoleRequest request = sessions.attributedRequest(new Attribution(requestId, requester, List.of()));

            assertEquals("Jane-Doe-ops-1", request.sourceIdentity());
            assertEquals(List.of(tag("steward-request-id", requestId.toString()),
                    tag("steward-requester", "Jane Doe/ops-1")), request.tags());
        }
        assertEquals(64, StsSessions.identity("x".repeat(80)).length());
        assertEquals("a-", StsSessions.identity("a"));
    }

    @Test
    void configurationTurnsOffTagsAndSetsDurationAndExternalId() {
        Map<String, String> overrides = Map.of("steward.aws.tag-sessions", "false",
                "steward.aws.session-duration", "1h", "steward.aws.external-id", "other-id");
        try (StsSessions sessions = sessions(overrides)) {
            AssumeRoleRequest request = sessions.attributedRequest(new Attribution(requestId, "alice", List.of()));

            assertFalse(request.hasTags(), "tags sent: " + request.tags());
            assertEquals(3600, request.durationSeconds());
            assertEquals("other-id", request.externalId());
        }
    }

    @Test
    void noExternalIdIsSentWhenNoneIsConfigured() {
        try (StsSessions sessions = new StsSessions(sts, configWithoutExternalId(), TestAwsConfig.ROLE_ARN)) {
            assertNull(sessions.attributedRequest(new Attribution(requestId, "alice", List.of())).externalId());
        }
    }

    private String callerArn(AwsCredentialsProvider credentials) {
        try (StsClient caller = StsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.US_EAST_1).endpointOverride(moto.endpoint()).credentialsProvider(credentials)
                .build()) {
            return caller.getCallerIdentity().arn();
        }
    }

    private StsSessions sessions(Map<String, String> overrides) {
        return new StsSessions(sts, config(overrides), TestAwsConfig.ROLE_ARN);
    }

    private AwsConfig config(Map<String, String> overrides) {
        return TestAwsConfig.pointingAt(moto.endpoint(), moto.endpoint(), overrides);
    }

    private AwsConfig configWithoutExternalId() {
        return TestAwsConfig.pointingAt(moto.endpoint(), moto.endpoint(), Map.of("steward.aws.external-id", ""));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
