package dev.iamsteward.deploy;

import static dev.iamsteward.support.Requests.approve;
import static dev.iamsteward.support.Requests.submitCreateUser;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamsteward.execution.JobWorker;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * The service as deployed: deploy/postgresql/roles.sql run on a fresh PostgreSQL, Flyway migrating as the owner, the
 * service connected as the app role, which may do what the service does and not change the audit log.
 */
@QuarkusTest
@TestProfile(DatabaseRoleTest.AsAppRole.class)
class DatabaseRoleTest {

    /** Its own PostgreSQL, set up with the deploy script; the schedulers registered but halted. */
    public static class AsAppRole implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "true", "quarkus.scheduler.start-mode", "halted");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SeparateRoles.class));
        }
    }

    /** A PostgreSQL of its own, with the database and the two roles the deploy script makes. */
    public static class SeparateRoles implements QuarkusTestResourceLifecycleManager {
        private EmbeddedPostgres pg;

        @Override
        public Map<String, String> start() {
            try {
                pg = EmbeddedPostgres.builder().start();
                try (Connection admin = pg.getPostgresDatabase().getConnection();
                        Statement sql = admin.createStatement()) {
                    sql.execute("create database iam_steward");
                }
                try (Connection admin = pg.getDatabase("postgres", "iam_steward").getConnection();
                        Statement sql = admin.createStatement()) {
                    sql.execute(Files.readString(Path.of("deploy/postgresql/roles.sql")));
                    sql.execute("alter role steward_owner password 'owner-secret'");
                    sql.execute("alter role steward_app password 'app-secret'");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            // No user in the URL: the service and Flyway each connect as their own role.
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + pg.getPort()
                            + "/iam_steward?stringtype=unspecified",
                    "quarkus.datasource.username", "steward_app",
                    "quarkus.datasource.password", "app-secret",
                    "quarkus.flyway.username", "steward_owner",
                    "quarkus.flyway.password", "owner-secret");
        }

        @Override
        public void stop() {
            try {
                if (pg != null) {
                    pg.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    AgroalDataSource db;

    @Inject
    JobWorker worker;

    @Inject
    Scheduler quartz;

    @Test
    void theServiceRunsAsTheAppRoleAndTheOwnerOwnsTheTables() throws SQLException {
        assertEquals("steward_app", single("select current_user"));
        assertEquals("false", single("select rolsuper::text from pg_roles where rolname = current_user"));
        assertEquals(List.of(), rows("select tablename from pg_tables where schemaname = 'public' "
                + "and tableowner <> 'steward_owner' order by 1"), "tables the owner does not own");
        assertEquals(List.of(), rows("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                        + "where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'flyway_schema_history' "
                        + "and not has_table_privilege('steward_app', c.oid, 'select') order by 1"),
                "tables the app role was given nothing on");
    }

    @Test
    void aRequestRunsEndToEndAndTheAuditChainHolds() {
        String userName = uniqueUserName("app-role");
        String id = submitCreateUser(userName);
        approve(id);
        worker.runDueJobs();

        as("alice", "requester").get("/v1/requests/{id}", id).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"));
        as("ivy", "auditor").get("/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void theClusteredStoreMayReplaceItsTriggers() throws Exception {
        Scheduler store = quartz;
        TriggerKey scan = store.getTriggerKeys(GroupMatcher.anyTriggerGroup()).stream()
                .filter(key -> key.getName().equals("posture-scan")).findFirst().orElseThrow();
        SimpleTrigger stored = (SimpleTrigger) store.getTrigger(scan);

        // Replacing a trigger, as Quarkus does at every start on a store that has it, deletes its rows.
        store.rescheduleJob(scan, stored.getTriggerBuilder().build());

        assertEquals(stored.getRepeatInterval(), ((SimpleTrigger) store.getTrigger(scan)).getRepeatInterval());
    }

    @Test
    void theAppRoleCannotChangeOrRemoveAuditRowsNorSwitchOffTheirTriggers() throws SQLException {
        submitCreateUser(uniqueUserName("audit-guard"));
        for (String statement : List.of("update audit_event set detail = 'edited'", "delete from audit_event",
                "truncate audit_event", "alter table audit_event disable trigger user")) {
            try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(statement), statement);
                // 42501 insufficient_privilege: refused by privileges, before any trigger is asked
                assertEquals("42501", refused.getSQLState(), statement + ": " + refused.getMessage());
            }
        }
    }

    private String single(String query) throws SQLException {
        return rows(query).get(0);
    }

    private List<String> rows(String query) throws SQLException {
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement();
                ResultSet result = sql.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        }
    }
}
