package dev.iamsteward.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of keys without a database: what a retry gets, what is an outcome, what is a key. */
class IdempotencyRulesTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final Fingerprint SUBMISSION = Fingerprint.of("POST", "/v1/requests", bytes("{\"a\":1}"));

    @Test
    void theSameFinishedRequestIsReplayed() {
        assertEquals(IdempotencyRecord.Verdict.REPLAY, record(IdempotencyRecord.State.COMPLETED, NOW)
                .verdictFor(SUBMISSION, NOW, TIMEOUT, false));
    }

    @Test
    void anotherBodyMethodOrPathUnderTheKeyIsReuseWhateverTheState() {
        for (IdempotencyRecord.State state : IdempotencyRecord.State.values()) {
            IdempotencyRecord record = record(state, NOW);
            for (Fingerprint other : List.of(Fingerprint.of("POST", "/v1/requests", bytes("{\"a\":2}")),
                    Fingerprint.of("PUT", "/v1/requests", bytes("{\"a\":1}")),
                    Fingerprint.of("POST", "/v1/requests/x/approvals", bytes("{\"a\":1}")))) {
                assertEquals(IdempotencyRecord.Verdict.REUSED, record.verdictFor(other, NOW, TIMEOUT, true));
            }
        }
    }

    @Test
    void anUnfinishedAttemptIsInFlightUntilTheTimeoutThenTakenOver() {
        IdempotencyRecord record = record(IdempotencyRecord.State.IN_FLIGHT, NOW);

        assertEquals(IdempotencyRecord.Verdict.IN_FLIGHT,
                record.verdictFor(SUBMISSION, NOW.plus(TIMEOUT).minusMillis(1), TIMEOUT, false));
        assertEquals(IdempotencyRecord.Verdict.TAKE_OVER, record.verdictFor(SUBMISSION, NOW.plus(TIMEOUT), TIMEOUT,
                false));
    }

    @Test
    void anUnfinishedAttemptOfAStoppedReplicaIsTakenOverAtOnceAFinishedOneReplayed() {
        assertEquals(IdempotencyRecord.Verdict.TAKE_OVER, record(IdempotencyRecord.State.IN_FLIGHT, NOW)
                .verdictFor(SUBMISSION, NOW, TIMEOUT, true));
        assertEquals(IdempotencyRecord.Verdict.REPLAY, record(IdempotencyRecord.State.COMPLETED, NOW)
                .verdictFor(SUBMISSION, NOW, TIMEOUT, true));
    }

    @Test
    void aTakenOverAttemptNoLongerHoldsTheKey() {
        IdempotencyRecord record = record(IdempotencyRecord.State.IN_FLIGHT, NOW);
        UUID first = record.attempt;

        record.takeOver(UUID.randomUUID(), "replica-b", NOW.plus(TIMEOUT), Duration.ofHours(24));

        assertFalse(record.heldBy(first));
        assertTrue(record.heldBy(record.attempt));
    }

    @Test
    void successesAndLastingRefusalsAreOutcomesButServerErrorsAndMomentaryRefusalsAreNot() {
        for (int status : new int[] {200, 201, 202, 204, 400, 403, 404, 409, 410, 422}) {
            assertTrue(StoredResponse.isOutcome(status), "status " + status);
        }
        for (int status : new int[] {302, 401, 408, 429, 500, 502, 503}) {
            assertFalse(StoredResponse.isOutcome(status), "status " + status);
        }
    }

    @Test
    void theBodyIsFingerprintedByItsSha256() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                Fingerprint.of("POST", "/v1/requests", new byte[0]).bodySha256());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "with space", "tab\tinside", "line\nbreak", "del\u007f", "caf\u00e9"})
    void aKeyIsVisibleAsciiOnly(String value) {
        StewardException refused = assertThrows(StewardException.class, () -> new IdempotencyKey(value));
        assertEquals(ErrorKind.INVALID_INPUT, refused.kind());
    }

    @Test
    void aKeyIsAtMost255Characters() {
        String longest = "k".repeat(IdempotencyKey.MAX_LENGTH);
        assertEquals(longest, new IdempotencyKey(longest).value());
        assertThrows(StewardException.class, () -> new IdempotencyKey(longest + "k"));
        assertEquals("!~", new IdempotencyKey("!~").value());
    }

    @Test
    void twoKeysInOneRequestAreRefused() {
        assertTrue(IdempotencyKey.from(null).isEmpty());
        assertThrows(StewardException.class, () -> IdempotencyKey.from(List.of("a", "b")));
    }

    private static IdempotencyRecord record(IdempotencyRecord.State state, Instant createdAt) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.id = new IdempotencyRecord.Id("alice", "key-1");
        record.method = SUBMISSION.method();
        record.path = SUBMISSION.path();
        record.bodySha256 = SUBMISSION.bodySha256();
        record.state = state;
        record.attempt = UUID.randomUUID();
        record.createdAt = createdAt;
        return record;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
