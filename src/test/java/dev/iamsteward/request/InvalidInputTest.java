package dev.iamsteward.request;

import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamsteward.audit.AuditEvent;
import dev.iamsteward.support.Requests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a clear problem+json and writes nothing. */
@QuarkusTest
class InvalidInputTest {

    static Stream<Arguments> invalidSubmissions() {
        String ok = "\"type\":\"CREATE_USER\",\"reason\":\"r\"";
        return Stream.of(
                Arguments.of("{" + ok + ",\"userName\":\"bad name\"}", "userName must be"),
                Arguments.of("{" + ok + ",\"userName\":\"" + "a".repeat(65) + "\"}", "userName must be"),
                Arguments.of("{" + ok + ",\"userName\":\"\"}", "userName must be"),
                Arguments.of("{\"type\":\"CREATE_USER\",\"userName\":\"ok\"}", "reason is required"),
                Arguments.of("{\"type\":\"CREATE_USER\",\"userName\":\"ok\",\"reason\":\" \"}", "reason is required"),
                Arguments.of("{\"userName\":\"ok\",\"reason\":\"r\"}", "type is required"),
                Arguments.of("{" + ok + ",\"userName\":\"ok\",\"requester\":\"mallory\"}", "requester"),
                Arguments.of("{\"type\":\"DELETE_EVERYTHING\",\"userName\":\"ok\",\"reason\":\"r\"}", "type"),
                Arguments.of("{" + ok + ",\"userName\":42}", "userName"),
                Arguments.of("{" + ok + ",\"userName\":\"ok\",\"tags\":[1]}", "tags"),
                Arguments.of("{" + ok + ",\"userName\":\"ok\"", "JSON"),
                Arguments.of("{" + ok + ",\"userName\":\"ok\",\"path\":\"/elsewhere/\"}", "managed path"),
                Arguments.of("{" + ok + ",\"userName\":\"ok\",\"path\":\"/iam-steward/no-slash\"}", "path must"),
                Arguments.of("{" + ok + ",\"userName\":\"ok\",\"tags\":{\"aws:x\":\"v\"}}", "reserved"),
                Arguments.of("{" + ok + ",\"userName\":\"ok\",\"tags\":{\"iam-steward:request-id\":\"v\"}}",
                        "reserved"),
                Arguments.of("{" + ok + ",\"userName\":\"ok\",\"tags\":{\"k\":\"" + "v".repeat(257) + "\"}}",
                        "value"),
                Arguments.of("{" + ok + ",\"userName\":\"ok\",\"tags\":{\"bad|key\":\"v\"}}", "tag key"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("invalidSubmissions")
    void anInvalidSubmissionIsRefusedAndWritesNothing(String body, String detailMentions) {
        long requests = count(AccessRequest.class);
        long audits = count(AuditEvent.class);
        as("alice", "requester").contentType(ContentType.JSON).body(body)
                .post("/v1/requests")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:invalid-input"))
                .body(containsString(detailMentions))
                .body(not(containsString("Exception")))
                .body(not(containsString("dev.iamsteward")));
        assertEquals(requests, count(AccessRequest.class));
        assertEquals(audits, count(AuditEvent.class));
    }

    @Test
    void tooManyTagsAreRefused() {
        Map<String, String> tags = new java.util.HashMap<>();
        for (int i = 0; i < 49; i++) {
            tags.put("k" + i, "v");
        }
        as("alice", "requester").contentType(ContentType.JSON)
                .body(Map.of("type", "CREATE_USER", "userName", "many-tags", "reason", "r", "tags", tags))
                .post("/v1/requests")
                .then().statusCode(400).body(containsString("at most 46 tags"));
    }

    @Test
    void anOversizedBodyIsRefused() {
        long requests = count(AccessRequest.class);
        as("alice", "requester").contentType(ContentType.JSON)
                .body(Map.of("type", "CREATE_USER", "userName", "big", "reason", "x".repeat(70_000)))
                .post("/v1/requests")
                .then().statusCode(413);
        assertEquals(requests, count(AccessRequest.class));
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        as("alice", "requester").contentType(ContentType.TEXT).body("userName=alice")
                .post("/v1/requests")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void anInvalidDecisionIsRefused() {
        String id = Requests.submitCreateUser(Requests.uniqueUserName("decide"));
        as("bob", "approver").contentType(ContentType.JSON).body("{\"decision\":\"MAYBE\"}")
                .post("/v1/requests/{id}/approvals", id)
                .then().statusCode(400).contentType("application/problem+json");
        as("bob", "approver").contentType(ContentType.JSON).body("{}")
                .post("/v1/requests/{id}/approvals", id)
                .then().statusCode(400).body(containsString("decision is required"));
        as("alice", "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("PENDING_APPROVAL"));
    }

    @Test
    void anInvalidIdOrFilterIsAClearError() {
        as("bob", "approver").get("/v1/requests/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:invalid-input"));
        as("bob", "approver").queryParam("status", "WHATEVER").get("/v1/requests").then().statusCode(400)
                .body("detail", containsString("PENDING_APPROVAL"));
        as("bob", "approver").queryParam("limit", 0).get("/v1/requests").then().statusCode(400)
                .contentType("application/problem+json");
        as("bob", "approver").get("/v1/users/{name}", "bad name!").then().statusCode(400)
                .body("type", equalTo("urn:iam-steward:problem:invalid-input"));
        as("bob", "approver").queryParam("cursor", "%%%").get("/v1/users").then().statusCode(400);
    }

    private static long count(Class<?> entity) {
        return QuarkusTransaction.requiringNew().call(() ->
                (Long) AccessRequest.getEntityManager().createQuery("select count(e) from " + entity.getSimpleName()
                        + " e").getSingleResult());
    }
}
