package dev.iamsteward.iam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.OrganizationConfig;
import dev.iamsteward.iam.OrganizationFeature;
import dev.iamsteward.iam.RootSession;
import dev.iamsteward.iam.RootTask;
import dev.iamsteward.iam.RootUserCredentials;
import dev.iamsteward.iam.aws.CannedHttp.Answer;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Centralized root access on the wire, against scripted STS and IAM endpoints (moto has neither AssumeRoot nor
 * the organization's root features): what the SDK sends, whose credentials sign it, and how answers are read.
 */
class AwsOrganizationRootWireTest {

    private static final String ROLE = "arn:aws:iam::999999999999:role/iam-steward-organization-root";
    private static final String MEMBER = "111111111111";
    private static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final String ROLE_KEY = "ASIAI44QH8DHBEXAMPLE";
    private static final String ROOT_KEY = "ASIAIOSFODNN7EXAMPLE";
    private static final String ROOT_SECRET = "root-secret-never-shown";
    private static final String ROOT_TOKEN = "root-session-token";

    /** The service's base credentials, which only ever assume the organization role. */
    @BeforeAll
    static void baseCredentials() {
        if (System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "testing");
            System.setProperty("aws.secretAccessKey", "testing");
        }
    }

    @Test
    void assumeRootIsSentFromTheRequestsSessionOfTheOrganizationRole() {
        Attribution request = new Attribution(UUID.randomUUID(), "ann@example.com", List.of("bob"));
        try (CannedHttp sts = CannedHttp.answering(AwsOrganizationRootWireTest::sts);
                CannedHttp iam = CannedHttp.answering(call -> Answer.xml(empty(call.get("Action"))));
                AwsOrganizationRoot organization = organization(sts.endpoint(), iam.endpoint())) {

            RootSession session = organization.assumeRoot(MEMBER, RootTask.DELETE_ROOT_USER_CREDENTIALS,
                    Duration.ofMinutes(5), request);

            Map<String, String> assumeRole = sts.calls().get(0);
            assertEquals("AssumeRole", assumeRole.get("Action"));
            assertEquals(ROLE, assumeRole.get("RoleArn"));
            assertEquals("steward-" + request.requestId(), assumeRole.get("RoleSessionName"));
            assertEquals("ann@example.com", assumeRole.get("SourceIdentity"));
            Map<String, String> assumeRoot = sts.calls().get(1);
            assertEquals("AssumeRoot", assumeRoot.get("Action"));
            assertEquals(MEMBER, assumeRoot.get("TargetPrincipal"));
            assertEquals("arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials",
                    assumeRoot.get("TaskPolicyArn.arn"));
            assertEquals("300", assumeRoot.get("DurationSeconds"));
            String signedBy = sts.signatures().get(1).get("Authorization");
            assertTrue(signedBy.contains("Credential=" + ROLE_KEY + "/"), signedBy);
            assertTrue(signedBy.contains("/eu-west-1/sts/aws4_request"), "a Regional endpoint: " + signedBy);
            assertEquals(Instant.parse("2030-01-01T00:05:00Z"), session.expiresAt());
            assertFalse(session.toString().contains(ROOT_SECRET) || session.toString().contains(ROOT_TOKEN));
        }
    }

    @Test
    void callsInTheRootSessionNameNoUserAndAreSignedWithItsTemporaryCredentials() {
        try (CannedHttp sts = CannedHttp.answering(AwsOrganizationRootWireTest::sts);
                CannedHttp iam = CannedHttp.answering(AwsOrganizationRootWireTest::rootUser);
                AwsOrganizationRoot organization = organization(sts.endpoint(), iam.endpoint())) {

            RootUserCredentials found = RootUserCredentials.readIn(organization.assumeRoot(MEMBER,
                    RootTask.AUDIT_ROOT_USER_CREDENTIALS, Duration.ofMinutes(5), null));

            assertEquals(new RootUserCredentials(MEMBER, true, List.of("AKIAIOSFODNN7EXAMPLE"),
                    List.of("arn:aws:iam::111111111111:mfa/root-account-mfa-device"), List.of("CERT0001")), found);
            assertEquals(List.of("GetLoginProfile", "ListAccessKeys", "ListMFADevices", "ListSigningCertificates"),
                    iam.calls().stream().map(c -> c.get("Action")).toList());
            iam.calls().forEach(call -> assertFalse(call.containsKey("UserName"), "root has no user name: " + call));
            iam.signatures().forEach(signature -> {
                assertTrue(signature.get("Authorization").contains("Credential=" + ROOT_KEY + "/"),
                        signature.toString());
                assertEquals(ROOT_TOKEN, signature.get("X-Amz-Security-Token"));
            });
            assertEquals("iam-steward", sts.calls().get(0).get("RoleSessionName"), "a scan serves no request");
        }
    }

    @Test
    void deletionsNameTheCredentialAndNoUser() {
        try (CannedHttp sts = CannedHttp.answering(AwsOrganizationRootWireTest::sts);
                CannedHttp iam = CannedHttp.answering(call -> Answer.xml(empty(call.get("Action"))));
                AwsOrganizationRoot organization = organization(sts.endpoint(), iam.endpoint())) {
            RootSession root = organization.assumeRoot(MEMBER, RootTask.DELETE_ROOT_USER_CREDENTIALS,
                    Duration.ofMinutes(5), new Attribution(UUID.randomUUID(), "ann", List.of()));

            root.deleteLoginProfile();
            root.deleteAccessKey("AKIAIOSFODNN7EXAMPLE");
            root.deleteSigningCertificate("CERT0001");
            root.deactivateMfaDevice("arn:aws:iam::111111111111:mfa/root-account-mfa-device");

            assertEquals(List.of(Map.of("Action", "DeleteLoginProfile", "Version", "2010-05-08"),
                    Map.of("Action", "DeleteAccessKey", "Version", "2010-05-08", "AccessKeyId", "AKIAIOSFODNN7EXAMPLE"),
                    Map.of("Action", "DeleteSigningCertificate", "Version", "2010-05-08", "CertificateId", "CERT0001"),
                    Map.of("Action", "DeactivateMFADevice", "Version", "2010-05-08", "SerialNumber",
                            "arn:aws:iam::111111111111:mfa/root-account-mfa-device")), iam.calls());
        }
    }

    @Test
    void passwordRecoveryMakesTheRootLoginProfileWithNeitherPasswordNorUser() {
        Attribution request = new Attribution(UUID.randomUUID(), "ann", List.of("bob", "carol"));
        try (CannedHttp sts = CannedHttp.answering(AwsOrganizationRootWireTest::sts);
                CannedHttp iam = CannedHttp.answering(AwsOrganizationRootWireTest::passwordSession);
                AwsOrganizationRoot organization = organization(sts.endpoint(), iam.endpoint())) {
            RootSession root = organization.assumeRoot(MEMBER, RootTask.CREATE_ROOT_USER_PASSWORD,
                    Duration.ofMinutes(5), request);

            assertTrue(root.loginProfile().isEmpty(), "NoSuchEntity: the root user has no password");
            root.allowPasswordRecovery();

            assertEquals("arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword",
                    sts.calls().get(1).get("TaskPolicyArn.arn"));
            assertEquals("steward-" + request.requestId(), sts.calls().get(0).get("RoleSessionName"));
            assertEquals(List.of(Map.of("Action", "GetLoginProfile", "Version", "2010-05-08"),
                    Map.of("Action", "CreateLoginProfile", "Version", "2010-05-08")), iam.calls(),
                    "no UserName (the root user) and no Password (AWS refuses one in a root session)");
            iam.signatures().forEach(signature -> assertTrue(signature.get("Authorization")
                    .contains("Credential=" + ROOT_KEY + "/"), signature.toString()));
        }
    }

    @Test
    void aSecondLoginProfileIsRefusedAsAlreadyThere() {
        try (CannedHttp sts = CannedHttp.answering(AwsOrganizationRootWireTest::sts);
                CannedHttp iam = CannedHttp.answering(call -> new Answer(409, "text/xml", error("Sender",
                        "EntityAlreadyExists", "Login Profile for the root user already exists.")));
                AwsOrganizationRoot organization = organization(sts.endpoint(), iam.endpoint())) {
            RootSession root = organization.assumeRoot(MEMBER, RootTask.CREATE_ROOT_USER_PASSWORD,
                    Duration.ofMinutes(5), null);

            assertThrows(IamException.EntityAlreadyExists.class, root::allowPasswordRecovery);
        }
    }

    @Test
    void enabledFeaturesAreReadInTheServicesSession() {
        try (CannedHttp sts = CannedHttp.answering(AwsOrganizationRootWireTest::sts);
                CannedHttp iam = CannedHttp.answering(call -> Answer.xml("<ListOrganizationsFeaturesResponse xmlns=\""
                        + IAM_NS + "\"><ListOrganizationsFeaturesResult><OrganizationId>o-abcdefghij</OrganizationId>"
                        + "<EnabledFeatures><member>RootCredentialsManagement</member></EnabledFeatures>"
                        + "</ListOrganizationsFeaturesResult>" + metadata() + "</ListOrganizationsFeaturesResponse>"));
                AwsOrganizationRoot organization = organization(sts.endpoint(), iam.endpoint())) {

            assertEquals(Set.of(OrganizationFeature.ROOT_CREDENTIALS_MANAGEMENT), organization.enabledFeatures());
            assertEquals("ListOrganizationsFeatures", iam.calls().get(0).get("Action"));
            assertEquals("iam-steward", sts.calls().get(0).get("RoleSessionName"));
            assertTrue(iam.signatures().get(0).get("Authorization").contains("Credential=" + ROLE_KEY + "/"));
        }
    }

    @Test
    void refusalsBecomeAccessDenied() {
        Function<Map<String, String>, Answer> refusing = call -> "AssumeRoot".equals(call.get("Action"))
                ? new Answer(403, "text/xml", error("Sender", "AccessDenied", "not a member account"))
                : sts(call);
        try (CannedHttp sts = CannedHttp.answering(refusing);
                CannedHttp iam = CannedHttp.answering(call -> new Answer(400, "text/xml", error("Sender",
                        "AccountNotManagementOrDelegatedAdministrator", "not the management account")));
                AwsOrganizationRoot organization = organization(sts.endpoint(), iam.endpoint())) {

            assertThrows(IamException.AccessDenied.class, () -> organization.assumeRoot("999999999999",
                    RootTask.AUDIT_ROOT_USER_CREDENTIALS, Duration.ofMinutes(5), null));
            assertThrows(IamException.AccessDenied.class, organization::enabledFeatures);
            assertThrows(IamException.InvalidInput.class, () -> organization.assumeRoot(MEMBER,
                    RootTask.AUDIT_ROOT_USER_CREDENTIALS, Duration.ofSeconds(901), null));
        }
    }

    private static AwsOrganizationRoot organization(URI sts, URI iam) {
        Map<String, String> properties = Map.of(
                "steward.organization.account-id", "999999999999",
                "steward.organization.role-arn", ROLE,
                "steward.organization.region", "eu-west-1",
                "steward.organization.sts-endpoint", sts.toString(),
                "steward.organization.iam-endpoint", iam.toString());
        OrganizationConfig config = new SmallRyeConfigBuilder().withMapping(OrganizationConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "organization-test", 500))
                .build().getConfigMapping(OrganizationConfig.class);
        return new AwsOrganizationRoot(config, TestAwsConfig.pointingAt(iam, sts), OpenTelemetry.noop());
    }

    private static Answer sts(Map<String, String> call) {
        if ("AssumeRoot".equals(call.get("Action"))) {
            return Answer.xml("<AssumeRootResponse xmlns=\"" + STS_NS + "\"><AssumeRootResult>"
                    + credentials(ROOT_KEY, ROOT_SECRET, ROOT_TOKEN, "2030-01-01T00:05:00Z")
                    + "<SourceIdentity>ann</SourceIdentity></AssumeRootResult>" + metadata() + "</AssumeRootResponse>");
        }
        return Answer.xml("<AssumeRoleResponse xmlns=\"" + STS_NS + "\"><AssumeRoleResult>"
                + credentials(ROLE_KEY, "role-secret", "role-token", "2030-01-01T01:00:00Z")
                + "<AssumedRoleUser><Arn>arn:aws:sts::999999999999:assumed-role/x/" + call.get("RoleSessionName")
                + "</Arn><AssumedRoleId>AROAEXAMPLE:" + call.get("RoleSessionName") + "</AssumedRoleId>"
                + "</AssumedRoleUser></AssumeRoleResult>" + metadata() + "</AssumeRoleResponse>");
    }

    private static Answer rootUser(Map<String, String> call) {
        String action = call.get("Action");
        String result = switch (action) {
            case "GetLoginProfile" -> "<LoginProfile><CreateDate>2024-01-01T00:00:00Z</CreateDate>"
                    + "<PasswordResetRequired>false</PasswordResetRequired></LoginProfile>";
            case "ListAccessKeys" -> "<AccessKeyMetadata><member><AccessKeyId>AKIAIOSFODNN7EXAMPLE</AccessKeyId>"
                    + "<Status>Active</Status><CreateDate>2024-01-01T00:00:00Z</CreateDate></member>"
                    + "</AccessKeyMetadata><IsTruncated>false</IsTruncated>";
            case "ListMFADevices" -> "<MFADevices><member><SerialNumber>arn:aws:iam::111111111111:mfa/"
                    + "root-account-mfa-device</SerialNumber><EnableDate>2024-01-01T00:00:00Z</EnableDate></member>"
                    + "</MFADevices><IsTruncated>false</IsTruncated>";
            case "ListSigningCertificates" -> "<Certificates><member><CertificateId>CERT0001</CertificateId>"
                    + "<CertificateBody>-----BEGIN CERTIFICATE-----</CertificateBody><Status>Active</Status>"
                    + "</member></Certificates><IsTruncated>false</IsTruncated>";
            default -> "";
        };
        return Answer.xml("<" + action + "Response xmlns=\"" + IAM_NS + "\"><" + action + "Result>" + result
                + "</" + action + "Result>" + metadata() + "</" + action + "Response>");
    }

    /** A root user without a password, as a password session sees it, that then gets one. */
    private static Answer passwordSession(Map<String, String> call) {
        if ("GetLoginProfile".equals(call.get("Action"))) {
            return new Answer(404, "text/xml", error("Sender", "NoSuchEntity",
                    "Login Profile for the root user cannot be found."));
        }
        return Answer.xml("<CreateLoginProfileResponse xmlns=\"" + IAM_NS + "\"><CreateLoginProfileResult>"
                + "<LoginProfile><CreateDate>2030-01-01T00:01:00Z</CreateDate>"
                + "<PasswordResetRequired>false</PasswordResetRequired></LoginProfile></CreateLoginProfileResult>"
                + metadata() + "</CreateLoginProfileResponse>");
    }

    private static String empty(String action) {
        return "<" + action + "Response xmlns=\"" + IAM_NS + "\">" + metadata() + "</" + action + "Response>";
    }

    private static String credentials(String key, String secret, String token, String expiration) {
        return "<Credentials><AccessKeyId>" + key + "</AccessKeyId><SecretAccessKey>" + secret
                + "</SecretAccessKey><SessionToken>" + token + "</SessionToken><Expiration>" + expiration
                + "</Expiration></Credentials>";
    }

    private static String error(String type, String code, String message) {
        return "<ErrorResponse><Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>" + message
                + "</Message></Error><RequestId>r-1</RequestId></ErrorResponse>";
    }

    private static String metadata() {
        return "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>";
    }
}
