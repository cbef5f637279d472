package dev.iamsteward.iam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.IamPage;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.support.MotoServer;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AWS adapter against moto over HTTP: CreateUser, GetUser, ListUsers and the STS sessions behind them. */
class AwsIamDirectoryMotoTest {

    private final MotoServer moto = MotoServer.get();
    private static final String BOUNDARY = "arn:aws:iam::123456789012:policy/steward-boundary";

    private AwsIamDirectory iam;

    @BeforeEach
    void freshDirectory() {
        moto.reset();
        iam = new AwsIamDirectory(TestAwsConfig.pointingAt(moto.endpoint(), moto.endpoint()),
                OpenTelemetry.noop());
    }

    @AfterEach
    void closeDirectory() {
        iam.close();
    }

    @Test
    void createdUserIsFoundWithItsPathAndTags() {
        Map<String, String> tags = Map.of("team", "payments", "steward:request", "r-1");
        IamUser created = iam.createUser(new NewUser("alice", "/steward/", BOUNDARY, tags), request("requester"));

        IamUser found = iam.findUser("alice").orElseThrow();

        assertEquals(created.userId(), found.userId());
        assertEquals("alice", found.userName());
        assertEquals("/steward/", found.path());
        assertEquals("arn:aws:iam::123456789012:user/steward/alice", found.arn());
        assertEquals(tags, found.tags());
        assertTrue(Duration.between(found.createDate(), Instant.now()).abs().toMinutes() < 1, "fresh CreateDate");
        // moto 5.2.5 accepts PermissionsBoundary on CreateUser but neither stores nor returns it for users (only
        // for roles), so the boundary is checked on the wire instead, in AwsIamDirectoryWireTest.
    }

    @Test
    void missingUserIsEmpty() {
        assertEquals(Optional.empty(), iam.findUser("nobody"));
    }

    @Test
    void takenNameIsEntityAlreadyExists() {
        iam.createUser(user("bob", "/steward/"), request("requester"));

        IamException refused = assertThrows(IamException.EntityAlreadyExists.class,
                () -> iam.createUser(user("bob", "/other/"), request("someone-else")));

        assertTrue(refused.getMessage().contains("bob"), refused.getMessage());
        assertEquals("/steward/", iam.findUser("bob").orElseThrow().path());
    }

    @Test
    void motoComparesNamesCaseSensitively() {
        // Real IAM treats "Carol" and "carol" as one name (the in-memory IAM enforces that); moto 5.2.5 does
        // not, so the adapter's reliance on IAM for case-insensitive uniqueness is not covered here.
        iam.createUser(user("Carol", "/steward/"), request("requester"));
        iam.createUser(user("carol", "/steward/"), request("requester"));

        assertEquals(Optional.empty(), iam.findUser("CAROL"));
        assertEquals("Carol", iam.findUser("Carol").orElseThrow().userName());
    }

    @Test
    void listingKeepsToThePathPrefixAcrossPages() {
        for (String name : List.of("ann", "ben", "cat")) {
            iam.createUser(user(name, "/steward/team/"), request("requester"));
        }
        iam.createUser(user("dan", "/steward/"), request("requester"));
        iam.createUser(user("eve", "/other/"), request("requester"));

        List<String> names = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        int pages = 0;
        do {
            IamPage<IamUser> page = iam.listUsers("/steward/team/", marker.orElse(null), 2);
            page.items().forEach(u -> names.add(u.userName()));
            marker = page.marker();
        } while (marker.isPresent() && ++pages < 5);

        // moto 5.2.5 ignores MaxItems and Marker (one page, IsTruncated=false) and lists in creation order, so
        // following markers and IAM's name order are checked on the wire, in AwsIamDirectoryWireTest.
        assertEquals(List.of("ann", "ben", "cat"), names);
    }

    @Test
    void writesRunInASessionNamedAfterTheirRequest() {
        Attribution attribution = request("requester");

        iam.createUser(user("fay", "/steward/"), attribution);

        // moto records neither SourceIdentity nor session tags; StsSessionsTest checks the request carries them.
        List<JsonNode> sessions = sessionsNamed("steward-" + attribution.requestId());
        assertEquals(1, sessions.size(), "AssumeRole calls for the request's session");
        JsonNode session = sessions.get(0);
        assertEquals(TestAwsConfig.ROLE_ARN, session.path("role_arn").asText());
        assertEquals(TestAwsConfig.EXTERNAL_ID, session.path("external_id").asText());
    }

    @Test
    void oneRequestReusesItsSessionAndAnotherGetsItsOwn() {
        Attribution first = request("requester");
        Attribution second = request("requester");

        iam.createUser(user("gus", "/steward/"), first);
        iam.createUser(user("hal", "/steward/"), first);
        iam.createUser(user("ida", "/steward/"), second);

        assertEquals(1, sessionsNamed("steward-" + first.requestId()).size());
        assertEquals(1, sessionsNamed("steward-" + second.requestId()).size());
    }

    @Test
    void readsRunInTheServiceSession() {
        iam.findUser("nobody");
        iam.listUsers("/", null, 10);

        assertEquals(1, sessionsNamed(StsSessions.SERVICE_SESSION_NAME).size());
    }

    /** The AssumeRole calls moto has answered with this session name, from its state dump. */
    private List<JsonNode> sessionsNamed(String sessionName) {
        JsonNode assumed = moto.state().path("sts").path("AssumedRole");
        return StreamSupport.stream(assumed.spliterator(), false)
                .filter(s -> sessionName.equals(s.path("session_name").asText()))
                .toList();
    }

    private static NewUser user(String name, String path) {
        return new NewUser(name, path, BOUNDARY, Map.of());
    }

    private static Attribution request(String requester) {
        return new Attribution(UUID.randomUUID(), requester, List.of("approver"));
    }
}
