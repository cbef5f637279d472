package dev.iamsteward.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.support.Requests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone who can switch the audit table's triggers off edits, removes or slips in rows with SQL, and the
 * verification names the first row that no longer holds. Each test then puts the table back exactly as it was,
 * since every test of the run shares it, and the chain is intact again.
 */
@QuarkusTest
class AuditTamperTest {

    @Inject
    AgroalDataSource db;

    AuditTable table;

    @BeforeEach
    void theChainIsIntactToBeginWith() {
        table = new AuditTable(db);
        assertIntact();
    }

    @Test
    void theVerificationReachesTheNewestRow() {
        submitted();
        AuditRecord head = table.head();
        JsonPath report = AuditTable.verify();
        assertTrue(report.getBoolean("intact"));
        assertEquals(head.seq(), report.getLong("rowsChecked"));
        assertEquals(head.hash(), report.getString("lastHash"));
        assertNull(report.get("firstBreak"));
    }

    @Test
    void aRowEditedInPlaceIsAHashMismatchAtThatRow() {
        AuditRecord row = submitted();
        try {
            table.tamper("update audit_event set detail = 'nothing happened' where id = ?", row.id());
            assertBreak(row, "hash mismatch", row.seq(), row.prevHash());
        } finally {
            table.tamper("update audit_event set detail = ? where id = ?", row.detail(), row.id());
        }
        assertIntact();
    }

    @Test
    void aRowMovedToAnotherAccountIsAHashMismatchAtThatRow() {
        AuditRecord row = submitted();
        assertEquals("default", row.account());
        try {
            table.tamper("update audit_event set account = 'elsewhere' where id = ?", row.id());
            assertBreak(row, "hash mismatch", row.seq(), row.prevHash());
        } finally {
            table.tamper("update audit_event set account = ? where id = ?", row.account(), row.id());
        }
        assertIntact();
    }

    @Test
    void aRowWhoseAccountIsRemovedIsAHashMismatchAtThatRow() {
        AuditRecord row = submitted();
        try {
            table.tamper("update audit_event set account = null where id = ?", row.id());
            assertBreak(row, "hash mismatch", row.seq(), row.prevHash());
        } finally {
            table.tamper("update audit_event set account = ? where id = ?", row.account(), row.id());
        }
        assertIntact();
    }

    @Test
    void aRowWithoutAnAccountGivenOneIsAHashMismatchAtThatRow() {
        AuditRecord row = table.appendWithoutAccount();
        try {
            table.tamper("update audit_event set account = 'default' where id = ?", row.id());
            assertBreak(row, "hash mismatch", row.seq(), row.prevHash());
        } finally {
            table.tamper("update audit_event set account = null where id = ?", row.id());
        }
        assertIntact();
    }

    @Test
    void aRowRewrittenWithAFreshHashBreaksTheLinkFromTheRowAfterIt() {
        AuditRecord row = submitted();
        AuditRecord next = submitted();
        AuditRecord forged = new AuditRecord(row.seq(), row.id(), row.at(), "mallory", row.action(), row.requestId(),
                row.account(), row.fromStatus(), row.toStatus(), row.detail(), row.prevHash(), null);
        try {
            table.tamper("update audit_event set actor = ?, hash = ? where id = ?", forged.actor(),
                    AuditChain.hash(forged), row.id());
            assertBreak(next, "previous hash does not match", next.seq(),
                    AuditChain.hash(forged));
        } finally {
            table.tamper("update audit_event set actor = ?, hash = ? where id = ?", row.actor(), row.hash(), row.id());
        }
        assertIntact();
    }

    @Test
    void aDeletedRowIsAGapBeforeTheRowAfterIt() {
        AuditRecord row = submitted();
        AuditRecord next = submitted();
        try {
            table.tamper("delete from audit_event where id = ?", row.id());
            assertBreak(next, "gap in sequence (row missing)", row.seq(), row.prevHash());
        } finally {
            table.insert(row);
        }
        assertIntact();
    }

    @Test
    void aRowSlippedInAfterTheHeadThatDoesNotLinkToItIsCaught() {
        AuditRecord head = submitted();
        AuditRecord unlinked = new AuditRecord(head.seq() + 1, table.unusedId(), head.at(), "mallory",
                "request.approved", head.requestId(), head.account(), "PENDING_APPROVAL", "APPROVED", "looks fine",
                AuditChain.GENESIS, null);
        AuditRecord forged = new AuditRecord(unlinked.seq(), unlinked.id(), unlinked.at(), unlinked.actor(),
                unlinked.action(), unlinked.requestId(), unlinked.account(), unlinked.fromStatus(),
                unlinked.toStatus(), unlinked.detail(), unlinked.prevHash(), AuditChain.hash(unlinked));
        try {
            table.insert(forged);
            assertBreak(forged, "previous hash does not match", forged.seq(), head.hash());
        } finally {
            table.tamper("delete from audit_event where id = ?", forged.id());
        }
        assertIntact();
    }

    @Test
    void aRowSlippedInBeforeTheFirstIsCaught() {
        AuditRecord forged = new AuditRecord(0, table.unusedId(), submitted().at(), "mallory", "request.approved",
                null, null, null, null, null, AuditChain.GENESIS, null);
        try {
            table.insert(new AuditRecord(0, forged.id(), forged.at(), forged.actor(), forged.action(), null, null,
                    null, null, null, AuditChain.GENESIS, AuditChain.hash(forged)));
            assertBreak(forged, "out of sequence (row inserted)", 1, null);
        } finally {
            table.tamper("delete from audit_event where id = ?", forged.id());
        }
        assertIntact();
    }

    private AuditRecord submitted() {
        return table.submissionOf(Requests.submitCreateUser(Requests.uniqueUserName("tamper")));
    }

    /** The verification stops at {@code row}, and vouches only for the rows before it. */
    private static void assertBreak(AuditRecord row, String reason, long rowsChecked, String lastHash) {
        JsonPath report = AuditTable.verify();
        assertFalse(report.getBoolean("intact"));
        assertEquals(row.id(), report.getLong("firstBreak.id"));
        assertEquals(row.seq(), report.getLong("firstBreak.seq"));
        assertEquals(reason, report.getString("firstBreak.reason"));
        assertEquals(rowsChecked, report.getLong("rowsChecked"));
        assertEquals(lastHash, report.getString("lastHash"));
    }

    private static void assertIntact() {
        JsonPath report = AuditTable.verify();
        assertTrue(report.getBoolean("intact"), () -> "the chain breaks at " + report.getMap("firstBreak"));
    }
}
