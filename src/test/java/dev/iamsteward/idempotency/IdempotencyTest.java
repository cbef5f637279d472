package dev.iamsteward.idempotency;

import static dev.iamsteward.idempotency.IdempotencyFixtures.createUser;
import static dev.iamsteward.idempotency.IdempotencyFixtures.newKey;
import static dev.iamsteward.idempotency.IdempotencyFixtures.requestsAbout;
import static dev.iamsteward.idempotency.IdempotencyFixtures.stored;
import static dev.iamsteward.idempotency.IdempotencyFixtures.submit;
import static dev.iamsteward.idempotency.IdempotencyFixtures.submitRaw;
import static dev.iamsteward.support.Requests.REQUESTER;
import static dev.iamsteward.support.Requests.submitCreateUser;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Submitting a request with an Idempotency-Key: retries get the first answer and create nothing more. */
@QuarkusTest
class IdempotencyTest {

    private static final String OTHER_REQUESTER = "carol-requester";

    @Inject
    InMemoryIamDirectory iam;

    @AfterEach
    void clearFaults() {
        iam.faults().clear();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstResponseAndCreatesNothingMore() {
        String user = uniqueUserName("retried");
        String key = newKey();

        ExtractableResponse<Response> first = submit(REQUESTER, key, createUser(user));
        ExtractableResponse<Response> retry = submit(REQUESTER, key, createUser(user));

        assertEquals(202, first.statusCode());
        assertNull(first.header(Idempotent.REPLAYED));
        assertEquals(202, retry.statusCode());
        assertEquals("true", retry.header(Idempotent.REPLAYED));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.contentType(), retry.contentType());
        assertEquals(first.body().asString(), retry.body().asString());
        assertEquals(first.<String>path("id"), retry.<String>path("id"));
        assertEquals(1, requestsAbout(user));
        assertEquals(IdempotencyRecord.State.COMPLETED, stored(REQUESTER, key).state);
        assertEquals("/v1/requests", stored(REQUESTER, key).path);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndCreatesNothing() {
        String key = newKey();
        submit(REQUESTER, key, createUser(uniqueUserName("first")));
        String other = uniqueUserName("second");

        ExtractableResponse<Response> reused = submit(REQUESTER, key, createUser(other));

        assertEquals(422, reused.statusCode());
        assertEquals("application/problem+json", reused.contentType());
        assertEquals("urn:iam-steward:problem:idempotency-key-reused", reused.path("type"));
        assertEquals(0, requestsAbout(other));
    }

    @Test
    void theSameKeyFromAnotherCallerIsAnotherKey() {
        String key = newKey();
        String mine = uniqueUserName("mine");
        String theirs = uniqueUserName("theirs");

        ExtractableResponse<Response> first = submit(REQUESTER, key, createUser(mine));
        ExtractableResponse<Response> other = submit(OTHER_REQUESTER, key, createUser(theirs));

        assertEquals(202, other.statusCode());
        assertNull(other.header(Idempotent.REPLAYED));
        assertNotEquals(first.<String>path("id"), other.<String>path("id"));
        assertEquals(1, requestsAbout(mine));
        assertEquals(1, requestsAbout(theirs));
    }

    @Test
    void aRefusalIsTheOutcomeAndIsReplayed() {
        String key = newKey();
        String noReason = """
                {"type":"CREATE_USER","userName":"%s"}""".formatted(uniqueUserName("refused"));

        ExtractableResponse<Response> first = submit(REQUESTER, key, noReason);
        ExtractableResponse<Response> retry = submit(REQUESTER, key, noReason);

        assertEquals(400, first.statusCode());
        assertEquals(400, retry.statusCode());
        assertEquals("true", retry.header(Idempotent.REPLAYED));
        assertEquals("application/problem+json", retry.contentType());
        assertEquals(first.body().asString(), retry.body().asString());
    }

    @Test
    void aServerErrorIsNotKeptSoTheRetryRunsAgain() {
        String user = uniqueUserName("throttled");
        String key = newKey();
        iam.faults().throttleNext("GetUser", 1);

        ExtractableResponse<Response> first = submit(REQUESTER, key, createUser(user));
        assertEquals(503, first.statusCode());
        assertNull(stored(REQUESTER, key));

        ExtractableResponse<Response> retry = submit(REQUESTER, key, createUser(user));
        assertEquals(202, retry.statusCode());
        assertNull(retry.header(Idempotent.REPLAYED));
        assertEquals(1, requestsAbout(user));
    }

    @Test
    void withoutAKeyEveryPostRunsAsBefore() {
        String user = uniqueUserName("unkeyed");
        submitCreateUser(user);

        as(REQUESTER, "requester").contentType(ContentType.JSON).body(createUser(user)).post("/v1/requests")
                .then().statusCode(202).header(Idempotent.REPLAYED, (String) null);
        assertEquals(2, requestsAbout(user));
    }

    static Stream<String> invalidKeys() {
        return Stream.of("", "k".repeat(IdempotencyKey.MAX_LENGTH + 1), "with space", "caf\u00e9");
    }

    @ParameterizedTest
    @MethodSource("invalidKeys")
    void anInvalidKeyIsRefusedAndNothingRuns(String key) {
        String user = uniqueUserName("bad-key");

        ExtractableResponse<Response> refused = submit(REQUESTER, key, createUser(user));

        assertEquals(400, refused.statusCode());
        assertEquals("urn:iam-steward:problem:invalid-input", refused.path("type"));
        assertEquals(0, requestsAbout(user));
    }

    /** The HTTP server refuses these itself, before the key's own rule would (see IdempotencyRulesTest). */
    @ParameterizedTest
    @MethodSource("controlCharacters")
    void aKeyWithAControlCharacterIsRefusedAndNothingRuns(String key) {
        String user = uniqueUserName("control-key");

        assertEquals(400, submitRaw(REQUESTER, key, createUser(user)));
        assertEquals(0, requestsAbout(user));
    }

    static Stream<String> controlCharacters() {
        return Stream.of("bell\u0007inside", "del\u007finside", "nul\u0000inside");
    }

    @Test
    void aKeyOf255VisibleCharactersIsAccepted() {
        String key = newKey() + "!~".repeat(IdempotencyKey.MAX_LENGTH);

        assertEquals(202, submit(REQUESTER, key.substring(0, IdempotencyKey.MAX_LENGTH),
                createUser(uniqueUserName("long-key"))).statusCode());
    }
}
