package dev.iamsteward.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The canonical form and hash of an audit row, as migration V5 computes them in the database. */
class AuditChainTest {

    private static final Instant AT = Instant.parse("2024-01-02T03:04:05.123456Z");
    private static final UUID REQUEST = UUID.fromString("7f1c2b1e-8d0a-4e5b-9c1d-0a1b2c3d4e5f");

    @Test
    void hashesARowAsTheDatabaseDoes() {
        // Worked out independently of both implementations (Python's hashlib over the documented form).
        AuditRecord row = row(null, "PENDING_APPROVAL", "héllo", AuditChain.GENESIS);
        assertEquals("279c3e7e5e1547a0aa032619e8badf02ca01e77b1be5294f0bc2f13d66b793c2", AuditChain.hash(row));
    }

    @Test
    void fieldsAreLengthPrefixedInUtf8BytesAndNullIsADash() {
        assertEquals("1:11:127:2024-01-02T03:04:05.123456Z5:alice17:request.submitted"
                + "36:7f1c2b1e-8d0a-4e5b-9c1d-0a1b2c3d4e5f-16:PENDING_APPROVAL6:héllo",
                AuditChain.canonical(row(null, "PENDING_APPROVAL", "héllo", AuditChain.GENESIS)));
    }

    @Test
    void textMovedBetweenFieldsOrANullMadeEmptyChangesTheHash() {
        String base = AuditChain.hash(row("ab", "c", "d", AuditChain.GENESIS));
        assertNotEquals(base, AuditChain.hash(row("a", "bc", "d", AuditChain.GENESIS)));
        assertNotEquals(base, AuditChain.hash(row("ab", "", "cd", AuditChain.GENESIS)));
        assertNotEquals(AuditChain.hash(row("a", "b", null, AuditChain.GENESIS)),
                AuditChain.hash(row("a", "b", "", AuditChain.GENESIS)));
        assertNotEquals(AuditChain.hash(row("a", "b", null, AuditChain.GENESIS)),
                AuditChain.hash(row("a", "b", "-", AuditChain.GENESIS)));
        assertNotEquals(base, AuditChain.hash(row("ab", "c", "d", "1".repeat(64))));
    }

    @Test
    void timesAlwaysHaveSixDigitsOfFractionInUtc() {
        AuditRecord whole = new AuditRecord(1, 1, Instant.parse("2024-01-02T03:04:05Z"), "a", "b", null, null, null,
                null, null, AuditChain.GENESIS, null);
        assertEquals("1:11:127:2024-01-02T03:04:05.000000Z1:a1:b----", AuditChain.canonical(whole));
    }

    @Test
    void anAccountIsOneMoreFieldAtTheEndAndNoneAddsNothing() {
        AuditRecord without = row(null, "PENDING_APPROVAL", "héllo", AuditChain.GENESIS);
        AuditRecord with = inAccount(without, "producción");
        assertEquals(AuditChain.canonical(without) + "11:producción", AuditChain.canonical(with));
        // Worked out independently of both implementations (Python's hashlib over the documented form).
        assertEquals("b85782f8f087947af9d68ecba429a860ae762eecbb1f608749c3388630bff8bc", AuditChain.hash(with));
        assertNotEquals(AuditChain.hash(with), AuditChain.hash(inAccount(without, "produccion")));
        assertNotEquals(AuditChain.hash(without), AuditChain.hash(inAccount(without, "")));
    }

    @Test
    void anAccountCannotPassForTextOfTheDetail() {
        AuditRecord plain = row(null, "PENDING_APPROVAL", "ab", AuditChain.GENESIS);
        AuditRecord split = inAccount(row(null, "PENDING_APPROVAL", "a", AuditChain.GENESIS), "b");
        assertNotEquals(AuditChain.hash(plain), AuditChain.hash(split));
    }

    private static AuditRecord row(String from, String to, String detail, String prevHash) {
        return new AuditRecord(1, 1, AT, "alice", "request.submitted", REQUEST, null, from, to, detail, prevHash,
                null);
    }

    private static AuditRecord inAccount(AuditRecord row, String account) {
        return new AuditRecord(row.seq(), row.id(), row.at(), row.actor(), row.action(), row.requestId(), account,
                row.fromStatus(), row.toStatus(), row.detail(), row.prevHash(), null);
    }
}
