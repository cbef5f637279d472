package dev.iamsteward.idempotency;

import static dev.iamsteward.idempotency.IdempotencyFixtures.REQUESTS;
import static dev.iamsteward.idempotency.IdempotencyFixtures.createUser;
import static dev.iamsteward.idempotency.IdempotencyFixtures.newKey;
import static dev.iamsteward.idempotency.IdempotencyFixtures.requestsAbout;
import static dev.iamsteward.idempotency.IdempotencyFixtures.stored;
import static dev.iamsteward.idempotency.IdempotencyFixtures.submit;
import static dev.iamsteward.support.Requests.REQUESTER;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A key whose first attempt is still running, was abandoned, or has expired. */
@QuarkusTest
class IdempotencyInFlightTest {

    private static final Duration MOMENT = Duration.ofSeconds(1);

    @Inject
    IdempotencyKeys keys;

    @Inject
    IdempotencyConfig config;

    @Inject
    TestClock clock;

    @Test
    void aRetryWhileTheFirstAttemptRunsIsAConflictToRetryLater() {
        String user = uniqueUserName("in-flight");
        String key = newKey();
        UUID first = holdKey(REQUESTER, key, createUser(user), clock.instant());

        ExtractableResponse<Response> retry = submit(REQUESTER, key, createUser(user));

        assertEquals(409, retry.statusCode());
        assertEquals("1", retry.header("Retry-After"));
        assertEquals("application/problem+json", retry.contentType());
        assertEquals("urn:iam-steward:problem:idempotency-in-flight", retry.path("type"));
        assertEquals(0, requestsAbout(user));
        assertEquals(first, stored(REQUESTER, key).attempt, "the running attempt keeps its key");
    }

    @Test
    void anAttemptAbandonedLongerThanTheTimeoutIsTakenOverAndRunsOnce() {
        String user = uniqueUserName("abandoned");
        String key = newKey();
        Instant longAgo = clock.instant().minus(config.inFlightTimeout()).minus(MOMENT);
        UUID abandoned = holdKey(REQUESTER, key, createUser(user), longAgo);

        ExtractableResponse<Response> retry = submit(REQUESTER, key, createUser(user));

        assertEquals(202, retry.statusCode());
        assertNull(retry.header(Idempotent.REPLAYED));
        assertEquals(1, requestsAbout(user));
        IdempotencyRecord record = stored(REQUESTER, key);
        assertEquals(IdempotencyRecord.State.COMPLETED, record.state);
        assertNotEquals(abandoned, record.attempt);
    }

    @Test
    void anAttemptOfAReplicaThatStoppedBeatingIsTakenOverAtOnceOfALiveOneNot() {
        String stopped = "replica-killed-" + UUID.randomUUID();
        String live = "replica-live-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            beat(stopped, "now() - interval '1 minute'");
            beat(live, "now()");
        });
        String gone = uniqueUserName("killed-holder");
        String goneKey = newKey();
        UUID abandoned = holdKey(REQUESTER, goneKey, createUser(gone), clock.instant(), stopped);
        String running = uniqueUserName("live-holder");
        String runningKey = newKey();
        holdKey(REQUESTER, runningKey, createUser(running), clock.instant(), live);

        ExtractableResponse<Response> retry = submit(REQUESTER, goneKey, createUser(gone));
        assertEquals(202, retry.statusCode(), "the stopped replica's key is taken over without waiting");
        assertEquals(1, requestsAbout(gone));
        assertNotEquals(abandoned, stored(REQUESTER, goneKey).attempt);

        assertEquals(409, submit(REQUESTER, runningKey, createUser(running)).statusCode(),
                "a live replica's attempt keeps its key");
        assertEquals(0, requestsAbout(running));
    }

    private static void beat(String replica, String seenAt) {
        IdempotencyRecord.getEntityManager().createNativeQuery("insert into work_queue_replica (id, seen_at, "
                + "started_at) values (?1, " + seenAt + ", now() - interval '1 hour')").setParameter(1, replica)
                .executeUpdate();
    }

    @Test
    void anAttemptWhoseKeyWasTakenOverCannotRecordItsEffect() {
        String key = newKey();
        Fingerprint request = fingerprint(createUser(uniqueUserName("overtaken")));
        Claim.Granted late = assertInstanceOf(Claim.Granted.class,
                keys.claim(REQUESTER, new IdempotencyKey(key), request));
        QuarkusTransaction.requiringNew().run(() -> IdempotencyRecord.<IdempotencyRecord>findById(late.id())
                .takeOver(UUID.randomUUID(), "replica-b", clock.instant(), config.retention()));

        StewardException refused = assertThrows(StewardException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> keys.complete(late, new StoredResponse(202, null, null, null, null))));

        assertEquals(ErrorKind.IDEMPOTENCY_IN_FLIGHT, refused.kind());
        assertEquals(IdempotencyRecord.State.IN_FLIGHT, stored(REQUESTER, key).state);
    }

    @Test
    void aKeyPastItsRetentionIsNewAgain() {
        String key = newKey();
        submit(REQUESTER, key, createUser(uniqueUserName("long-ago")));
        clock.advance(config.retention().plus(MOMENT));
        String user = uniqueUserName("new-again");

        ExtractableResponse<Response> reuse = submit(REQUESTER, key, createUser(user));

        assertEquals(202, reuse.statusCode());
        assertNull(reuse.header(Idempotent.REPLAYED));
        assertEquals(1, requestsAbout(user));
    }

    @Test
    void theSweepDeletesKeysPastTheirRetentionOnly() {
        String key = newKey();
        submit(REQUESTER, key, createUser(uniqueUserName("swept")));

        keys.deleteExpired();
        assertNotNull(stored(REQUESTER, key));

        clock.advance(config.retention().plus(MOMENT));
        keys.deleteExpired();
        assertNull(stored(REQUESTER, key));
    }

    /** A key held by an attempt that started at {@code startedAt} and has not finished; returns the attempt. */
    private UUID holdKey(String caller, String key, String body, Instant startedAt) {
        return holdKey(caller, key, body, startedAt, null);
    }

    private UUID holdKey(String caller, String key, String body, Instant startedAt, String replica) {
        Fingerprint request = fingerprint(body);
        UUID attempt = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            IdempotencyRecord record = new IdempotencyRecord();
            record.id = new IdempotencyRecord.Id(caller, key);
            record.method = request.method();
            record.path = request.path();
            record.bodySha256 = request.bodySha256();
            record.state = IdempotencyRecord.State.IN_FLIGHT;
            record.attempt = attempt;
            record.replica = replica;
            record.createdAt = startedAt;
            record.expiresAt = startedAt.plus(config.retention());
            record.persist();
        });
        return attempt;
    }

    private static Fingerprint fingerprint(String body) {
        return Fingerprint.of("POST", REQUESTS, body.getBytes(StandardCharsets.UTF_8));
    }
}
