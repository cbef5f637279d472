package dev.iamsteward.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Audit rows written before the chain existed are chained by migration V5 in the order they were written, with
 * hashes that the service's own computation agrees with, whatever their text holds; new rows follow them. Migration
 * V16's account leaves every row's hash as it was, and rows with and without an account follow.
 * Runs the migrations in a schema of its own, in a transaction that is rolled back.
 */
@QuarkusTest
class AuditMigrationTest {

    private static final String LEGACY_ROWS = """
            insert into audit_event (occurred_at, actor, action, request_id, from_status, to_status, detail) values
            ('2024-03-01T10:00:00Z', 'alice', 'request.submitted', '0b7e7a3c-1f1a-4c59-9a55-3c0d6f1b2a10', null,
             'PENDING_APPROVAL', 'naïve café ✓ 🚀'),
            ('2024-03-01T10:00:01.000001Z', 'bob', 'request.approved', '0b7e7a3c-1f1a-4c59-9a55-3c0d6f1b2a10',
             'PENDING_APPROVAL', 'APPROVED', ''),
            ('2024-03-01T10:00:02.999999Z', 'system', 'secret.sealed', null, null, null, null),
            ('2024-03-01T10:00:03.5Z', 'worker-1', 'execution.failed', '0b7e7a3c-1f1a-4c59-9a55-3c0d6f1b2a10',
             'EXECUTING', 'FAILED', '3:abc-~- "quoted" \\ back')""";

    @Inject
    AgroalDataSource db;

    @Test
    void rowsWrittenBeforeTheChainAreChainedOnceAndNewRowsFollow() throws Exception {
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                sql.execute("create schema audit_legacy");
                sql.execute("set local search_path to audit_legacy");
                for (String migration : List.of("V1__requests_jobs_audit", "V2__lifecycle_and_secret_delivery",
                        "V3__access_profiles", "V4__plan_checked")) {
                    sql.execute(migration(migration));
                }
                sql.execute(LEGACY_ROWS);
                sql.execute(migration("V5__audit_chain"));
                sql.execute("insert into audit_event (occurred_at, actor, action) values (now(), 'carol', 'after')");
                List<String> chainedBefore = hashes(sql);
                sql.execute(migration("V16__audit_account"));
                sql.execute("insert into audit_event (occurred_at, actor, action, account) "
                        + "values (now(), 'dave', 'in an account', 'production')");
                sql.execute("insert into audit_event (occurred_at, actor, action) values (now(), 'erin', 'in none')");

                List<AuditRecord> rows = rows(sql);
                assertEquals(7, rows.size());
                assertEquals(chainedBefore, rows.subList(0, 5).stream().map(AuditRecord::hash).toList());
                assertEquals("production", rows.get(5).account());
                String previous = AuditChain.GENESIS;
                for (int i = 0; i < rows.size(); i++) {
                    AuditRecord row = rows.get(i);
                    assertEquals(i + 1, row.seq());
                    assertEquals(previous, row.prevHash(), "link of row " + row.seq());
                    assertEquals(AuditChain.hash(row), row.hash(), "hash of row " + row.seq());
                    previous = row.hash();
                }
                assertEquals(List.of("alice", "bob", "system", "worker-1", "carol", "dave", "erin"),
                        rows.stream().map(AuditRecord::actor).toList());
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** The hashes in the chain's order; read by themselves, since before V16 there is no account column. */
    private static List<String> hashes(Statement sql) throws SQLException {
        List<String> hashes = new ArrayList<>();
        try (ResultSet result = sql.executeQuery("select hash from audit_event order by seq")) {
            while (result.next()) {
                hashes.add(result.getString(1));
            }
        }
        return hashes;
    }

    private static List<AuditRecord> rows(Statement sql) throws SQLException {
        List<AuditRecord> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery("select " + AuditTable.COLUMNS + " from audit_event order by seq")) {
            while (result.next()) {
                rows.add(AuditTable.record(result));
            }
        }
        return rows;
    }

    private static String migration(String name) throws IOException {
        try (InputStream in = AuditMigrationTest.class.getClassLoader()
                .getResourceAsStream("db/migration/" + name + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
