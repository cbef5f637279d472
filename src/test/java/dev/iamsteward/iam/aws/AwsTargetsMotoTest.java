package dev.iamsteward.iam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.OpenTelemetry;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.support.MotoServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One adapter per target account, against moto over HTTP: each assumes its own account's broker role with that
 * account's external id, and its calls land in that account (moto keeps one IAM per account it is called as).
 */
class AwsTargetsMotoTest {

    private static final String ROLE_A = "arn:aws:iam::111111111111:role/iam-steward-broker";
    private static final String ROLE_B = "arn:aws:iam::222222222222:role/iam-steward-broker";

    private final MotoServer moto = MotoServer.get();
    private AwsTargets targets;

    @BeforeEach
    void fresh() {
        moto.reset();
        targets = new AwsTargets(TestAwsConfig.pointingAt(moto.endpoint(), moto.endpoint()), OpenTelemetry.noop());
    }

    @AfterEach
    void close() {
        targets.close();
    }

    @Test
    void eachAccountsCallsRunInASessionOnItsOwnRoleWithItsOwnExternalId() {
        AwsIamDirectory a = targets.forAccount(ROLE_A, Optional.of("external-a"));
        AwsIamDirectory b = targets.forAccount(ROLE_B, Optional.of("external-b"));
        Attribution inA = request();
        Attribution inB = request();

        IamUser ann = a.createUser(new NewUser("ann", "/steward/", null, Map.of()), inA);
        IamUser bob = b.createUser(new NewUser("bob", "/steward/", null, Map.of()), inB);

        JsonNode sessionA = only("steward-" + inA.requestId());
        assertEquals(ROLE_A, sessionA.path("role_arn").asText());
        assertEquals("external-a", sessionA.path("external_id").asText());
        JsonNode sessionB = only("steward-" + inB.requestId());
        assertEquals(ROLE_B, sessionB.path("role_arn").asText());
        assertEquals("external-b", sessionB.path("external_id").asText());
        assertEquals("arn:aws:iam::111111111111:user/steward/ann", ann.arn());
        assertEquals("arn:aws:iam::222222222222:user/steward/bob", bob.arn());
    }

    @Test
    void eachAccountSeesOnlyItsOwnUsersAndCachesItsOwnServiceSession() {
        AwsIamDirectory a = targets.forAccount(ROLE_A, Optional.of("external-a"));
        AwsIamDirectory b = targets.forAccount(ROLE_B, Optional.empty());
        a.createUser(new NewUser("cat", "/steward/", null, Map.of()), request());

        assertTrue(a.findUser("cat").isPresent());
        assertFalse(b.findUser("cat").isPresent(), "account B's IAM has no user of account A");
        a.listUsers("/", null, 10);
        b.listUsers("/", null, 10);

        List<JsonNode> service = sessions(StsSessions.SERVICE_SESSION_NAME);
        assertEquals(List.of(ROLE_A, ROLE_B), service.stream().map(s -> s.path("role_arn").asText()).sorted()
                .toList(), "one service session per account, each reused for its reads");
        assertTrue(service.stream().filter(s -> s.path("role_arn").asText().equals(ROLE_B))
                .allMatch(s -> s.path("external_id").isNull() || s.path("external_id").asText().isEmpty()));
    }

    private JsonNode only(String sessionName) {
        List<JsonNode> found = sessions(sessionName);
        assertEquals(1, found.size(), "AssumeRole calls for " + sessionName);
        return found.get(0);
    }

    private List<JsonNode> sessions(String sessionName) {
        JsonNode assumed = moto.state().path("sts").path("AssumedRole");
        return StreamSupport.stream(assumed.spliterator(), false)
                .filter(s -> sessionName.equals(s.path("session_name").asText()))
                .toList();
    }

    private static Attribution request() {
        return new Attribution(UUID.randomUUID(), "requester", List.of("approver"));
    }
}
