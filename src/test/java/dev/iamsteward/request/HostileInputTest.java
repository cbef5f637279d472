package dev.iamsteward.request;

import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.audit.AuditEvent;
import dev.iamsteward.support.Requests;
import dev.iamsteward.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bodies and parameters built to slip past the rules are refused with a 400 problem, and write nothing. */
@QuarkusTest
class HostileInputTest {

    @TestHTTPResource("/v1/requests")
    URI requests;

    private static final String OK = "\"type\":\"CREATE_USER\",\"reason\":\"r\"";

    static Stream<Arguments> hostileSubmissions() {
        return Stream.of(
                Arguments.of("{\"type\":3,\"userName\":\"h-num\",\"reason\":\"r\"}", "type"),
                Arguments.of("{\"type\":\"3\",\"userName\":\"h-numtext\",\"reason\":\"r\"}", "type"),
                Arguments.of("{" + OK + ",\"userName\":\"h-dup\",\"userName\":\"h-dup2\"}",
                        "field 'userName' appears more than once"),
                Arguments.of("{" + OK.replace("\"r\"", "\"a\\u0000b\"") + ",\"userName\":\"h-nul\"}",
                        "field 'reason' must not contain NUL"),
                Arguments.of("{" + OK.replace("\"r\"", "\"a\\ud800b\"") + ",\"userName\":\"h-surrogate\"}",
                        "field 'reason' must not contain"),
                Arguments.of("{" + OK + ",\"userName\":\"h-far\",\"expiresAt\":\"+999999999-12-31T23:59:59Z\"}",
                        "field 'expiresAt' must be between"),
                Arguments.of("{" + OK + ",\"userName\":\"h-epoch\",\"expiresAt\":1767225600}",
                        "field 'expiresAt' must be an ISO-8601 instant"),
                Arguments.of("{" + OK + ",\"userName\":\"..\"}", "not '.' or '..'"),
                Arguments.of("{" + OK + ",\"userName\":\".\"}", "not '.' or '..'"),
                Arguments.of("{\"type\":\"ADD_TO_GROUP\",\"userName\":\"h-group\",\"reason\":\"r\"}",
                        "ADD_TO_GROUP needs a profile: name one of the catalog's access profiles"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("hostileSubmissions")
    void aHostileSubmissionIsRefusedAndWritesNothing(String body, String detailMentions) {
        long requests = count(AccessRequest.class);
        long audits = count(AuditEvent.class);
        as("alice", "requester").contentType(ContentType.JSON).body(body)
                .post("/v1/requests")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:invalid-input"))
                .body("detail", containsString(detailMentions))
                .body(not(containsString("Exception")))
                .body(not(containsString("dev.iamsteward")));
        assertEquals(requests, count(AccessRequest.class));
        assertEquals(audits, count(AuditEvent.class));
    }

    @Test
    void aDecisionIsANameNeverAPosition() {
        String id = Requests.submitCreateUser(Requests.uniqueUserName("hostile-decision"));
        for (String decision : new String[] {"0", "\"0\"", "1", "\"1\"", "\" APPROVE\""}) {
            as("bob", "approver").contentType(ContentType.JSON).body("{\"decision\":" + decision + "}")
                    .post("/v1/requests/{id}/approvals", id)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("decision"));
        }
        as("bob", "approver").contentType(ContentType.JSON)
                .body("{\"decision\":\"REJECT\",\"comment\":\"nul\\u0000here\"}")
                .post("/v1/requests/{id}/approvals", id)
                .then().statusCode(400).body("detail", containsString("field 'comment' must not contain NUL"));
        as("alice", "requester").contentType(ContentType.JSON).body("{\"text\":\"a\\u0000b\"}")
                .post("/v1/requests/{id}/comments", id)
                .then().statusCode(400).contentType("application/problem+json");
        as("alice", "requester").get("/v1/requests/{id}", id).then().body("status", equalTo("PENDING_APPROVAL"));
    }

    @Test
    void anExemptionWithANulOrAnOutOfRangeDateIsRefused() {
        as("dave", "admin").contentType(ContentType.JSON)
                .body("{\"userName\":\"x\",\"owner\":\"c\\u0000\",\"reason\":\"r\","
                        + "\"expiresAt\":\"2030-01-01T00:00:00Z\"}")
                .post("/v1/rotations/exemptions")
                .then().statusCode(400).body("detail", containsString("field 'owner' must not contain NUL"));
        as("dave", "admin").contentType(ContentType.JSON)
                .body("{\"userName\":\"x\",\"owner\":\"c\",\"reason\":\"r\","
                        + "\"expiresAt\":\"+999999999-12-31T23:59:59Z\"}")
                .post("/v1/rotations/exemptions")
                .then().statusCode(400).body("detail", containsString("field 'expiresAt' must be between"));
    }

    @Test
    void filtersWithControlCharactersOrOutOfRangeDatesAreRefused() {
        as("bob", "approver").queryParam("userName", "a\u0000b").get("/v1/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("query parameter 'userName' must not contain control characters"));
        as("bob", "approver").queryParam("account", "a\u0000").get("/v1/requests").then().statusCode(400);
        as("erin", "auditor").queryParam("action", "request.\u0000").get("/v1/audit").then().statusCode(400);
        as("erin", "auditor").queryParam("since", "-999999999-01-01T00:00:00Z").get("/v1/audit")
                .then().statusCode(400).body("detail", containsString("since must be between"));
        as("erin", "auditor").queryParam("until", "+999999999-12-31T23:59:59Z").get("/v1/audit")
                .then().statusCode(400).body("detail", containsString("until must be between"));
        as("bob", "approver").queryParam("limit", "abc").get("/v1/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:invalid-input"));
    }

    @Test
    void aBodyMustBeJsonInUtf8() throws Exception {
        String body = "{" + OK + ",\"userName\":\"" + Requests.uniqueUserName("h-ct") + "\"}";
        // The JDK's client sends no Content-Type unless told to.
        HttpResponse<String> untyped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(requests)
                .header("Authorization", "Bearer " + Tokens.token("alice", "requester"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, untyped.statusCode());
        assertEquals("application/problem+json", untyped.headers().firstValue("Content-Type").orElse(""));
        assertTrue(untyped.body().contains("application/json in UTF-8"), untyped.body());
        RestAssuredConfig raw = RestAssuredConfig.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
        for (String type : new String[] {"*/*", "application/json; charset=ebcdic", "application/*",
                "application/json; charset=ISO-8859-1", "text/json"}) {
            as("alice", "requester").config(raw).contentType(type).body(body.getBytes(StandardCharsets.UTF_8))
                    .post("/v1/requests").then().statusCode(415).contentType("application/problem+json");
        }
        as("alice", "requester").config(raw).contentType("application/json; charset=UTF-8")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/v1/requests").then().statusCode(202);
    }

    private static long count(Class<?> entity) {
        return QuarkusTransaction.requiringNew().call(() ->
                (Long) AccessRequest.getEntityManager().createQuery("select count(e) from " + entity.getSimpleName()
                        + " e").getSingleResult());
    }
}
