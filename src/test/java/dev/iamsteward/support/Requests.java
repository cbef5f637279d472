package dev.iamsteward.support;

import static dev.iamsteward.support.Tokens.as;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;

/** Shortcuts for the HTTP calls most tests make. */
public final class Requests {

    public static final String REQUESTER = "alice";
    public static final String APPROVER = "bob";

    private Requests() {
    }

    /** A user name no other test uses. */
    public static String uniqueUserName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Submits a CREATE_USER request as the requester and returns its id. */
    public static String submitCreateUser(String userName) {
        return as(REQUESTER, "requester").contentType(ContentType.JSON)
                .body(Map.of("type", "CREATE_USER", "userName", userName, "reason", "Tooling for the data team"))
                .post("/v1/requests")
                .then().statusCode(202)
                .extract().path("id");
    }

    /** Submits a request of any type about {@code userName} as the requester and returns its id. */
    public static String submit(String type, String userName, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("type", type);
        body.put("userName", userName);
        body.put("reason", "lifecycle test");
        return as(REQUESTER, "requester").contentType(ContentType.JSON).body(body)
                .post("/v1/requests")
                .then().statusCode(202)
                .extract().path("id");
    }

    /** Approves a request as the approver. */
    public static void approve(String requestId) {
        approveAs(APPROVER, requestId);
    }

    /** Approves a request as {@code approver}, who holds the approver role, and returns the status it has now. */
    public static String approveAs(String approver, String requestId) {
        return as(approver, "approver").contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE", "comment", "ok"))
                .post("/v1/requests/{id}/approvals", requestId)
                .then().statusCode(200)
                .extract().path("status");
    }
}
