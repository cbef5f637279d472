package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.MotoIam.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.aws.CannedHttp.Answer;
import dev.iamsteward.support.MotoServer;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What moto does not emulate for the wider port, checked on the wire against scripted IAM answers (STS from
 * moto): markers followed to the last page, DeleteConflict, refused MFA codes and passwords, and the calls moto
 * answers with a 500.
 */
class AwsOperationsWireTest {

    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final String CREATED = "<CreateDate>2026-01-01T00:00:00Z</CreateDate>";
    /** What moto (Werkzeug) answers for an action it does not implement. */
    private static final Answer BARE_500 = new Answer(500, "text/html; charset=utf-8",
            "<!doctype html><title>500 Internal Server Error</title><h1>Internal Server Error</h1>");

    private final MotoServer moto = MotoServer.get();

    @BeforeEach
    void resetMoto() {
        moto.reset();
    }

    @Test
    void accessKeysAreListedAcrossPages() {
        Function<Map<String, String>, Answer> script = call -> Answer.xml(call.containsKey("Marker")
                ? result("ListAccessKeys", "<AccessKeyMetadata>" + key("AKIA2", "Inactive") + "</AccessKeyMetadata>"
                        + "<IsTruncated>false</IsTruncated>")
                : result("ListAccessKeys", "<AccessKeyMetadata>" + key("AKIA1", "Active") + "</AccessKeyMetadata>"
                        + "<IsTruncated>true</IsTruncated><Marker>after-1</Marker>"));
        try (CannedHttp stub = CannedHttp.answering(script); AwsIamDirectory iam = directory(stub)) {

            List<AccessKey> keys = iam.listAccessKeys("zoe");

            Instant created = Instant.parse("2026-01-01T00:00:00Z");
            assertEquals(List.of(new AccessKey("AKIA1", AccessKey.Status.ACTIVE, created),
                    new AccessKey("AKIA2", AccessKey.Status.INACTIVE, created)), keys);
            assertEquals("after-1", stub.calls().get(1).get("Marker"));
            assertEquals("zoe", stub.calls().get(1).get("UserName"));
        }
    }

    @Test
    void serviceSpecificCredentialsAreListedAcrossPages() {
        Function<Map<String, String>, Answer> script = call -> Answer.xml(call.containsKey("Marker")
                ? result("ListServiceSpecificCredentials", credentials("ACCA2") + "<IsTruncated>false</IsTruncated>")
                : result("ListServiceSpecificCredentials", credentials("ACCA1")
                        + "<IsTruncated>true</IsTruncated><Marker>after-1</Marker>"));
        try (CannedHttp stub = CannedHttp.answering(script); AwsIamDirectory iam = directory(stub)) {

            assertEquals(List.of("ACCA1", "ACCA2"), iam.listServiceSpecificCredentials("zoe"));
            assertEquals(2, stub.calls().size());
            assertEquals("after-1", stub.calls().get(1).get("Marker"));
        }
    }

    @Test
    void aListingAnEmulatorAnswersWithABareServerErrorIsNotImplemented() {
        // moto answers ListServiceSpecificCredentials with an HTML 500: the call is not implemented there.
        try (CannedHttp stub = CannedHttp.answering(call -> BARE_500); AwsIamDirectory iam = directory(stub)) {

            IamException.NotImplemented refused = assertThrows(IamException.NotImplemented.class,
                    () -> iam.listServiceSpecificCredentials("zoe"));
            assertEquals("the endpoint does not implement ListServiceSpecificCredentials", refused.getMessage());
        }
    }

    @Test
    void iamsOwnServiceFailureStaysAnOutageEvenFromAnEmulator() {
        try (CannedHttp stub = CannedHttp.answering(call -> error(500, "ServiceFailure", "try again"));
                AwsIamDirectory iam = directory(stub)) {

            assertThrows(IamException.Unavailable.class, () -> iam.listServiceSpecificCredentials("zoe"));
        }
    }

    @Test
    void againstAwsItselfABareServerErrorIsAnOutageNeverASkippedListing() {
        try (CannedHttp stub = CannedHttp.answering(call -> BARE_500);
                IamCalls calls = new IamCalls(TestAwsConfig.pointingAt(stub.endpoint(), moto.endpoint()),
                        "arn:aws:iam::123456789012:role/iam-steward-broker", OpenTelemetry.noop())) {
            AwsOtherCredentials onAws = new AwsOtherCredentials(calls, false);

            assertThrows(IamException.Unavailable.class, () -> onAws.listServiceSpecificCredentials("zoe"));
        }
    }

    @Test
    void serviceSpecificCredentialIsDeletedById() {
        try (CannedHttp stub = CannedHttp.answering(call -> Answer.xml(empty(call)));
                AwsIamDirectory iam = directory(stub)) {

            iam.deleteServiceSpecificCredential("zoe", "ACCA1", request());

            assertEquals(Map.of("Action", "DeleteServiceSpecificCredential", "Version", "2010-05-08",
                    "UserName", "zoe", "ServiceSpecificCredentialId", "ACCA1"), stub.calls().get(0));
        }
    }

    @Test
    void permissionsBoundaryIsDeletedForTheUser() {
        try (CannedHttp stub = CannedHttp.answering(call -> Answer.xml(empty(call)));
                AwsIamDirectory iam = directory(stub)) {

            iam.deleteUserPermissionsBoundary("zoe", request());

            assertEquals(Map.of("Action", "DeleteUserPermissionsBoundary", "Version", "2010-05-08",
                    "UserName", "zoe"), stub.calls().get(0));
        }
    }

    @Test
    void aUserWithDependentsIsDeleteConflict() {
        try (CannedHttp stub = CannedHttp.answering(call -> error(409, "DeleteConflict",
                "Cannot delete entity, must delete login profile first."));
                AwsIamDirectory iam = directory(stub)) {

            IamException refused = assertThrows(IamException.DeleteConflict.class,
                    () -> iam.deleteUser("zoe", request()));
            assertEquals("Cannot delete entity, must delete login profile first.", refused.getMessage());
        }
    }

    @Test
    void anAssignedVirtualDeviceIsDeleteConflict() {
        try (CannedHttp stub = CannedHttp.answering(call -> error(409, "DeleteConflict",
                "MFA Device is still in use."));
                AwsIamDirectory iam = directory(stub)) {

            assertThrows(IamException.DeleteConflict.class,
                    () -> iam.deleteVirtualMfaDevice("arn:aws:iam::123456789012:mfa/zoe", request()));
            assertEquals("DeleteVirtualMFADevice", stub.calls().get(0).get("Action"));
        }
    }

    @Test
    void wrongMfaCodesAreInvalidInput() {
        try (CannedHttp stub = CannedHttp.answering(call -> error(403, "InvalidAuthenticationCode",
                "Authentication code for device is not valid."));
                AwsIamDirectory iam = directory(stub)) {

            assertThrows(IamException.InvalidInput.class, () -> iam.enableMfaDevice("zoe",
                    "arn:aws:iam::123456789012:mfa/zoe", "123456", "654321", request()));
            Map<String, String> sent = stub.calls().get(0);
            assertEquals("EnableMFADevice", sent.get("Action"));
            assertEquals("123456", sent.get("AuthenticationCode1"));
            assertEquals("654321", sent.get("AuthenticationCode2"));
        }
    }

    @Test
    void aPasswordThePolicyRefusesIsInvalidInputWithoutThePassword() {
        Secret password = Secret.of("too-weak-Passw0rd");
        try (CannedHttp stub = CannedHttp.answering(call -> error(400, "PasswordPolicyViolation",
                "Password should have at least one symbol"));
                AwsIamDirectory iam = directory(stub)) {

            IamException refused = assertThrows(IamException.InvalidInput.class,
                    () -> iam.createLoginProfile("zoe", password, true, request()));
            assertFalse(refused.getMessage().contains(password.reveal()), refused.getMessage());
            Map<String, String> sent = stub.calls().get(0);
            assertEquals(password.reveal(), sent.get("Password"));
            assertEquals("true", sent.get("PasswordResetRequired"));
        }
    }

    private AwsIamDirectory directory(CannedHttp iam) {
        return new AwsIamDirectory(TestAwsConfig.pointingAt(iam.endpoint(), moto.endpoint()),
                OpenTelemetry.noop());
    }

    private static String result(String action, String body) {
        return "<" + action + "Response xmlns=\"" + IAM_NS + "\"><" + action + "Result>" + body + "</" + action
                + "Result><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></" + action + "Response>";
    }

    private static String empty(Map<String, String> call) {
        String action = call.get("Action");
        return "<" + action + "Response xmlns=\"" + IAM_NS + "\"><ResponseMetadata><RequestId>r-1</RequestId>"
                + "</ResponseMetadata></" + action + "Response>";
    }

    private static Answer error(int status, String code, String message) {
        return new Answer(status, "text/xml", "<ErrorResponse xmlns=\"" + IAM_NS + "\"><Error><Type>Sender</Type>"
                + "<Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                + "<RequestId>r-1</RequestId></ErrorResponse>");
    }

    private static String key(String id, String status) {
        return "<member><UserName>zoe</UserName><AccessKeyId>" + id + "</AccessKeyId><Status>" + status
                + "</Status>" + CREATED + "</member>";
    }

    private static String credentials(String id) {
        return "<ServiceSpecificCredentials><member><UserName>zoe</UserName><Status>Active</Status>"
                + "<ServiceUserName>zoe-at-123456789012</ServiceUserName>" + CREATED
                + "<ServiceSpecificCredentialId>" + id + "</ServiceSpecificCredentialId>"
                + "<ServiceName>codecommit.amazonaws.com</ServiceName></member></ServiceSpecificCredentials>";
    }
}
