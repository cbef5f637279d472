package dev.iamsteward.audit;

import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Auditors and admins read the log newest first, filtered and a page at a time; nobody else reads it. */
@QuarkusTest
class AuditListTest {

    @Inject
    Clock clock;

    @Inject
    JobWorker worker;

    @Test
    void aRequestsHistoryIsListedNewestFirstWithItsChain() {
        String id = Requests.submitCreateUser(Requests.uniqueUserName("history"));
        Requests.approve(id);
        as("ivy", "auditor").queryParam("requestId", id).get("/v1/audit").then().statusCode(200)
                .body("items.action", contains("request.approved", "request.submitted"))
                .body("items[0].actor", equalTo(Requests.APPROVER))
                .body("items[0].fromStatus", equalTo("PENDING_APPROVAL"))
                .body("items[0].toStatus", equalTo("APPROVED"))
                .body("items[1].fromStatus", nullValue())
                .body("items[1].detail", equalTo("Tooling for the data team"))
                .body("items[0].requestId", equalTo(id))
                .body("cursor", nullValue())
                .body("next", nullValue());
        JsonPath page = as("dave", "admin").queryParam("requestId", id).get("/v1/audit").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(page.getString("items[1].hash"), page.getString("items[0].prevHash"));
        assertEquals(page.getLong("items[1].seq") + 1, page.getLong("items[0].seq"));
    }

    @Test
    void everyRowAboutARequestNamesItsAccountSecretDeliveriesToo() {
        Flows.drain(worker);
        String user = Flows.managedUser(worker, "audited", Requests.REQUESTER);
        String id = Flows.approveAndRun(worker, Requests.submit("CREATE_ACCESS_KEY", user, Map.of()));
        as("ivy", "auditor").queryParam("requestId", id).queryParam("account", "default").get("/v1/audit").then()
                .statusCode(200)
                .body("items.action", hasItems("request.submitted", "request.approved", "execution.started",
                        "execution.step-done", "secret.sealed", "execution.succeeded"))
                .body("items.account", everyItem(equalTo("default")));
        as("ivy", "auditor").queryParam("requestId", id).queryParam("account", "elsewhere").get("/v1/audit").then()
                .statusCode(200).body("items", equalTo(List.of()));
        as("ivy", "auditor").queryParam("account", "a".repeat(65)).get("/v1/audit").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void filtersByActorActionAndTime() {
        String actor = Requests.uniqueUserName("filter");
        Instant before = clock.instant().minusSeconds(1);
        String first = submitAs(actor);
        String second = submitAs(actor);
        as("ivy", "auditor").queryParam("actor", actor).queryParam("action", "request.submitted")
                .queryParam("since", before.toString()).queryParam("until", clock.instant().plusSeconds(60).toString())
                .get("/v1/audit").then().statusCode(200)
                .body("items.requestId", contains(second, first));
        as("ivy", "auditor").queryParam("actor", actor).queryParam("until", before.toString())
                .get("/v1/audit").then().statusCode(200).body("items", equalTo(List.of()));
        as("ivy", "auditor").queryParam("actor", actor).queryParam("action", "request.approved")
                .get("/v1/audit").then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void pagesNeitherRepeatNorSkipRowsWhileNewOnesArrive() {
        String actor = Requests.uniqueUserName("pager");
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            existing.add(0, submitAs(actor));
        }
        List<String> seen = new ArrayList<>();
        JsonPath page = as("ivy", "auditor").queryParam("actor", actor).queryParam("limit", 3).get("/v1/audit")
                .then().statusCode(200).extract().jsonPath();
        seen.addAll(page.getList("items.requestId", String.class));
        while (page.getString("next") != null) {
            submitAs(actor);
            page = as("ivy", "auditor").get(URI.create(page.getString("next"))).then().statusCode(200).extract()
                    .jsonPath();
            seen.addAll(page.getList("items.requestId", String.class));
        }
        assertEquals(existing, seen);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"requestId, not-a-uuid, requestId must be a UUID",
            "requestId, 1-2-3-4-5, requestId must be a UUID",
            "since, yesterday, since must be an ISO-8601 instant",
            "until, 2025-13-01T00:00:00Z, until must be an ISO-8601 instant",
            "limit, 0, must be greater than or equal to 1", "limit, 501, must be less than or equal to 500",
            "cursor, %%%, cursor is not one this service handed out",
            "cursor, MjAyNS0wMS0wMVQwMDowMDowMFp8bm90LWEtbnVtYmVy, cursor is not one this service handed out"})
    void anInvalidFilterIsAProblem(String name, String value, String detail) {
        as("ivy", "auditor").queryParam(name, value).get("/v1/audit").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:invalid-input"))
                .body("detail", containsString(detail));
    }

    @Test
    void anEmptyTimeRangeIsAProblem() {
        as("ivy", "auditor").queryParam("since", "2025-02-01T00:00:00Z").queryParam("until", "2025-01-01T00:00:00Z")
                .get("/v1/audit").then().statusCode(400).body("detail", equalTo("since must be before until"));
    }

    @Test
    void onlyAuditorsAndAdminsReadTheLog() {
        for (String path : List.of("/v1/audit", "/v1/audit/verify")) {
            as("alice", "requester").get(path).then().statusCode(403)
                    .body("type", equalTo("urn:iam-steward:problem:forbidden"));
            as("bob", "approver").get(path).then().statusCode(403);
            RestAssured.get(path).then().statusCode(401);
            as("ivy", "auditor").get(path).then().statusCode(200);
            as("dave", "admin").get(path).then().statusCode(200);
        }
    }

    private static String submitAs(String requester) {
        return as(requester, "requester").contentType(ContentType.JSON)
                .body(Map.of("type", "CREATE_USER", "userName", Requests.uniqueUserName("audit"), "reason", "r"))
                .post("/v1/requests").then().statusCode(202).extract().path("id");
    }
}
