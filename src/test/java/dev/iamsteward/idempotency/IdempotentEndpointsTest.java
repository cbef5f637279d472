package dev.iamsteward.idempotency;

import static dev.iamsteward.idempotency.IdempotencyFixtures.newKey;
import static dev.iamsteward.idempotency.IdempotencyFixtures.stored;
import static dev.iamsteward.support.Requests.APPROVER;
import static dev.iamsteward.support.Requests.REQUESTER;
import static dev.iamsteward.support.Requests.submitCreateUser;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.request.Decision;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which endpoints take an Idempotency-Key: decisions do, the one-time secret retrieval does not. */
@QuarkusTest
class IdempotentEndpointsTest {

    private static final String APPROVAL = """
            {"decision":"APPROVE","comment":"Matches ticket OPS-1234"}""";

    @Inject
    AuditLog audit;

    @Test
    void aDecisionRetriedWithTheSameKeyIsRecordedOnceAndAnsweredAlike() {
        String id = submitCreateUser(uniqueUserName("decided"));
        String key = newKey();

        ExtractableResponse<Response> first = decide(id, key);
        ExtractableResponse<Response> retry = decide(id, key);

        assertEquals(200, first.statusCode());
        assertEquals(200, retry.statusCode());
        assertEquals("true", retry.header(Idempotent.REPLAYED));
        assertEquals(first.body().asString(), retry.body().asString());
        long decisions = QuarkusTransaction.requiringNew()
                .call(() -> Decision.count("request.id", UUID.fromString(id)));
        assertEquals(1, decisions);
        assertEquals(1, audit.forRequest(UUID.fromString(id)).stream()
                .filter(e -> e.action.equals("request.approved")).count());
    }

    @Test
    void retrievingASecretIgnoresTheKeyAndKeepsNothing() {
        String key = newKey();

        as(REQUESTER, "requester").header(Idempotent.HEADER, key)
                .post("/v1/deliveries/{id}/retrieve", UUID.randomUUID()).then().statusCode(404);

        assertNull(stored(REQUESTER, key), "a retrieval's response must never be kept");
    }

    @Test
    void theOpenApiDocumentShowsTheHeaderAndItsErrors() {
        for (String path : new String[] {"/v1/requests", "/v1/requests/{id}/approvals"}) {
            RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .body("paths.'" + path + "'.post.parameters.name", hasItem(Idempotent.HEADER))
                    .body("paths.'" + path + "'.post.responses", hasKey("409"))
                    .body("paths.'" + path + "'.post.responses", hasKey("422"));
        }
    }

    private static ExtractableResponse<Response> decide(String requestId, String key) {
        return as(APPROVER, "approver").contentType(ContentType.JSON).header(Idempotent.HEADER, key).body(APPROVAL)
                .post("/v1/requests/{id}/approvals", requestId).then().extract();
    }
}
