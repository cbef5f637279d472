package dev.iamsteward.iam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.IamPage;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.iam.aws.CannedHttp.Answer;
import dev.iamsteward.support.MotoServer;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What moto does not emulate, checked on the wire: scripted IAM or STS answers, STS or IAM from moto. */
class AwsIamDirectoryWireTest {

    private final MotoServer moto = MotoServer.get();
    private static final String BOUNDARY = "arn:aws:iam::123456789012:policy/steward-boundary";
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    @BeforeEach
    void resetMoto() {
        moto.reset();
    }

    @Test
    void listingFollowsIamsMarkers() {
        try (CannedHttp stub = CannedHttp.answering(call -> Answer.xml(call.containsKey("Marker")
                ? listUsers("<IsTruncated>false</IsTruncated>", "cat")
                : listUsers("<IsTruncated>true</IsTruncated><Marker>after-ben</Marker>", "ann", "ben")));
                AwsIamDirectory iam = directory(stub.endpoint(), moto.endpoint())) {

            IamPage<IamUser> first = iam.listUsers("/steward/", null, 2);
            IamPage<IamUser> second = iam.listUsers("/steward/", first.marker().orElseThrow(), 2);

            assertEquals(List.of("ann", "ben"), first.items().stream().map(IamUser::userName).toList());
            assertEquals(List.of("cat"), second.items().stream().map(IamUser::userName).toList());
            assertEquals("after-ben", stub.calls().get(1).get("Marker"));
            assertEquals("2", stub.calls().get(1).get("MaxItems"));
            assertEquals("/steward/", stub.calls().get(1).get("PathPrefix"));
            assertTrue(second.marker().isEmpty(), "no marker on the last page");
        }
    }

    @Test
    void createUserSendsBoundaryAndTagsAndReadsThemBack() {
        try (CannedHttp stub = CannedHttp.answering(call -> Answer.xml(createdUser()));
                AwsIamDirectory iam = directory(stub.endpoint(), moto.endpoint())) {

            IamUser created = iam.createUser(new NewUser("zoe", "/steward/", BOUNDARY, Map.of("team", "payments")),
                    new Attribution(UUID.randomUUID(), "alice", List.of()));

            Map<String, String> sent = stub.calls().get(0);
            assertEquals("CreateUser", sent.get("Action"));
            assertEquals("/steward/", sent.get("Path"));
            assertEquals(BOUNDARY, sent.get("PermissionsBoundary"));
            assertEquals("team", sent.get("Tags.member.1.Key"));
            assertEquals("payments", sent.get("Tags.member.1.Value"));
            assertEquals(BOUNDARY, created.permissionsBoundaryArn());
            assertEquals(Map.of("team", "payments"), created.tags());
        }
    }

    @Test
    void bare403FromIamIsAccessDenied() {
        try (CannedHttp stub = CannedHttp.answering(call -> new Answer(403, "text/html", "<html>Forbidden</html>"));
                AwsIamDirectory iam = directory(stub.endpoint(), moto.endpoint())) {

            assertThrows(IamException.AccessDenied.class, () -> iam.findUser("zoe"));
        }
    }

    @Test
    void refusedAssumeRoleIsAccessDenied() {
        Function<Map<String, String>, Answer> refuse = call -> new Answer(403, "text/xml",
                "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                        + "<Code>AccessDenied</Code><Message>not authorized to perform sts:AssumeRole</Message>"
                        + "</Error><RequestId>r-1</RequestId></ErrorResponse>");
        try (CannedHttp sts = CannedHttp.answering(refuse);
                AwsIamDirectory iam = directory(moto.endpoint(), sts.endpoint())) {

            assertThrows(IamException.AccessDenied.class, () -> iam.findUser("zoe"));
            assertEquals("AssumeRole", sts.calls().get(0).get("Action"));
        }
    }

    private static AwsIamDirectory directory(URI iam, URI sts) {
        return new AwsIamDirectory(TestAwsConfig.pointingAt(iam, sts), OpenTelemetry.noop());
    }

    private static String listUsers(String paging, String... names) {
        StringBuilder users = new StringBuilder();
        for (String name : names) {
            users.append("<member>").append(user(name)).append("</member>");
        }
        return "<ListUsersResponse xmlns=\"" + IAM_NS + "\"><ListUsersResult><Users>" + users + "</Users>" + paging
                + "</ListUsersResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>"
                + "</ListUsersResponse>";
    }

    private static String createdUser() {
        String user = user("zoe") + "<PermissionsBoundary><PermissionsBoundaryType>PermissionsBoundaryPolicy"
                + "</PermissionsBoundaryType><PermissionsBoundaryArn>" + BOUNDARY + "</PermissionsBoundaryArn>"
                + "</PermissionsBoundary><Tags><member><Key>team</Key><Value>payments</Value></member></Tags>";
        return "<CreateUserResponse xmlns=\"" + IAM_NS + "\"><CreateUserResult><User>" + user + "</User>"
                + "</CreateUserResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>"
                + "</CreateUserResponse>";
    }

    private static String user(String name) {
        return "<Path>/steward/</Path><UserName>" + name + "</UserName><UserId>AIDA" + name.toUpperCase()
                + "</UserId><Arn>arn:aws:iam::123456789012:user/steward/" + name + "</Arn>"
                + "<CreateDate>2026-01-01T00:00:00Z</CreateDate>";
    }
}
