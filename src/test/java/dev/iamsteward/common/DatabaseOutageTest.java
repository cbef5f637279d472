package dev.iamsteward.common;

import static dev.iamsteward.support.Tokens.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.DatabaseProxy;
import dev.iamsteward.support.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While the service's PostgreSQL cannot be reached, every API call is a quick 503 problem with Retry-After, never
 * a 500, and an Idempotency-Key used meanwhile runs again once the database is back. The database is reached
 * through {@link DatabaseProxy}, which the tests cut and restore.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ThroughProxy.class)
class DatabaseOutageTest {

    /** The datasource goes through the proxy; the ports are chosen once per JVM and kept in system properties. */
    public static class ThroughProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.embedded.postgresql.port", String.valueOf(port(PG_PORT)),
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port(PROXY_PORT)
                            + "/postgres?stringtype=unspecified");
        }

        private static synchronized int port(String which) {
            if (System.getProperty(CONTROL_PORT) == null) {
                int pg = DatabaseProxy.freePort();
                int proxy = DatabaseProxy.freePort();
                int control = DatabaseProxy.freePort();
                DatabaseProxy.start(proxy, pg, control);
                System.setProperty(PG_PORT, String.valueOf(pg));
                System.setProperty(PROXY_PORT, String.valueOf(proxy));
                System.setProperty(CONTROL_PORT, String.valueOf(control));
            }
            return Integer.getInteger(which);
        }
    }

    private static final String PG_PORT = "database-outage-test.pg-port";
    private static final String PROXY_PORT = "database-outage-test.proxy-port";
    private static final String CONTROL_PORT = "database-outage-test.control-port";

    /** The pool's acquisition timeout and some slack: an outage is answered within this, however it shows. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    OutageConfig outage;

    @AfterEach
    void databaseBack() {
        iam.faults().clear();
        proxy("restore");
        awaitDatabase();
    }

    @Test
    void whileTheDatabaseIsDownCallsAre503ProblemsWithRetryAfterAtOnceAndTheKeyWorksAfterwards() {
        String user = Requests.uniqueUserName("pg-down");
        String key = UUID.randomUUID().toString();
        proxy("cut");

        long started = System.nanoTime();
        unavailable(submit(user, key));
        unavailable(as(Requests.REQUESTER, "requester").get("/v1/requests").then());
        unavailable(submit(user, key));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(BOUND.multipliedBy(3)) < 0, "three calls took " + took);

        proxy("restore");
        awaitDatabase();
        submit(user, key).statusCode(202);
        submit(user, key).statusCode(202).header("Idempotent-Replayed", "true");
    }

    @Test
    void aCallThatLosesTheDatabaseMidwayLeavesItsKeyFreeForTheRetry() {
        String user = Requests.uniqueUserName("pg-lost");
        String key = UUID.randomUUID().toString();
        // The key is claimed with the database up; it goes away while the submission asks IAM about the user.
        iam.faults().pauseNext("GetUser", () -> proxy("cut"));

        long started = System.nanoTime();
        unavailable(submit(user, key));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(BOUND) < 0, "the answer took " + took);

        proxy("restore");
        awaitDatabase();
        submit(user, key).statusCode(202);
    }

    private void unavailable(ValidatableResponse response) {
        response.statusCode(503)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .header("Retry-After", String.valueOf(outage.retryAfter().toSeconds()))
                .body("type", equalTo(ErrorKind.DATABASE_UNAVAILABLE.type().toString()))
                .body("status", equalTo(503));
    }

    /** The service answers from the database again; a stale pooled connection may cost one more 503 first. */
    private static void awaitDatabase() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                as(Requests.REQUESTER, "requester").get("/v1/requests").statusCode() == 200);
    }

    private static void proxy(String command) {
        DatabaseProxy.command(Integer.getInteger(CONTROL_PORT), command);
    }

    private static ValidatableResponse submit(String user, String key) {
        return as(Requests.REQUESTER, "requester").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("type", "CREATE_USER", "userName", user, "reason", "Tooling for the data team"))
                .post("/v1/requests").then();
    }
}
