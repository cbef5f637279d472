package dev.iamsteward.common;

import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Errors the framework or the HTTP layer raise are problem details too, and a client's mistake logs no error. */
@QuarkusTest
class HttpErrorsTest {

    @Test
    void anUnknownPathIsANotFoundProblem() {
        as("bob", "approver").get("/v1/accounts").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:iam-steward:problem:not-found"));
        RestAssured.get("/no/such/thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aMethodNotAllowedNamesTheAllowedOnes() {
        as("bob", "approver").delete("/v1/requests").then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", containsString("GET"))
                .body("status", equalTo(405));
    }

    @Test
    void tooLargeBodiesAndTooLongUrisAreProblemsAndLogNoError() {
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            byte[] big = ("{\"reason\":\"" + "x".repeat(70_000) + "\"}").getBytes();
            as("alice", "requester").contentType(ContentType.JSON).body(big).post("/v1/requests")
                    .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
            RestAssured.given().contentType(ContentType.JSON).body(new ByteArrayInputStream(big))
                    .post("/v1/webhooks/jira")
                    .then().statusCode(413).contentType("application/problem+json");
            as("bob", "approver").queryParam("cursor", "c".repeat(10_000)).get("/v1/requests")
                    .then().statusCode(414).contentType("application/problem+json");
        } finally {
            root.removeHandler(capture);
        }
        assertEquals(List.of(), errors.stream().map(LogRecord::getMessage).toList());
    }

    @Test
    void anExpiredTokenIsToldSo() {
        String expired = Jwt.preferredUserName("bob").subject("bob").groups(Set.of("approver"))
                .issuer("https://server.example.com").audience("https://service.example.com")
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        RestAssured.given().auth().oauth2(expired).get("/v1/requests").then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("expired"))
                .header("WWW-Authenticate", containsString("invalid_token"));
        RestAssured.given().auth().oauth2("not-a-token").get("/v1/requests").then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("a valid bearer token is required"));
    }
}
