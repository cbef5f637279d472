package dev.iamsteward.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Migration V15 on rows written before it: exemptions get the default account, and a key with an ended rotation
 * can have another, but never two under way. Runs the migrations in a schema of its own, in a transaction that is
 * rolled back.
 */
@QuarkusTest
class RotationMigrationTest {

    private static final String KEY = "KEYOFTHETESTUSER0001";
    private static final List<String> BEFORE = List.of("V1__requests_jobs_audit",
            "V2__lifecycle_and_secret_delivery", "V3__access_profiles", "V4__plan_checked", "V5__audit_chain",
            "V6__idempotency", "V7__approval_workflow", "V8__webhooks", "V9__posture", "V10__key_rotation",
            "V11__rotation_policies", "V12__clustered_schedule_and_issued_credentials", "V13__trace_context",
            "V14__target_accounts");

    @Inject
    AgroalDataSource db;

    @Test
    void existingExemptionsGetTheDefaultAccountAndOnlyOneRotationOfAKeyIsUnderWay() throws Exception {
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                sql.execute("create schema rotation_legacy");
                sql.execute("set local search_path to rotation_legacy");
                for (String name : BEFORE) {
                    sql.execute(migration(name));
                }
                sql.execute("insert into rotation_exemption (id, user_name, owner, reason, expires_at, created_by, "
                        + "created_at) values (gen_random_uuid(), 'ci-deployer', 'carol', 'freeze', now(), 'dave', "
                        + "now())");
                sql.execute(rotation("ROLLED_BACK"));
                sql.execute(migration("V15__rotation_per_account"));

                try (ResultSet row = sql.executeQuery("select account from rotation_exemption")) {
                    row.next();
                    assertEquals("legacy", row.getString(1));
                }
                sql.execute(rotation("FAILED"));
                sql.execute(rotation("CREATING"));
                SQLException second = assertThrows(SQLException.class, () -> sql.execute(rotation("WAITING")));
                assertEquals("23505", second.getSQLState(), "a unique violation: " + second.getMessage());
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static String rotation(String status) {
        return "insert into key_rotation (id, account, user_name, old_key_id, old_key_made_at, status, started_at, "
                + "updated_at) values (gen_random_uuid(), 'legacy', 'ci-deployer', '" + KEY + "', now(), '" + status
                + "', clock_timestamp(), now())";
    }

    /** A migration's text, with the placeholder Flyway would fill in. */
    private static String migration(String name) throws IOException {
        try (InputStream in = RotationMigrationTest.class.getClassLoader()
                .getResourceAsStream("db/migration/" + name + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${default_account}", "legacy");
        }
    }
}
