package dev.iamsteward.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamsteward.execution.JobQueue;
import dev.iamsteward.webhook.inbound.Inbox;
import dev.iamsteward.webhook.outbound.NotificationQueue;
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
 * Migration V17 on rows the three queues held before it: every row is still there as it was, the due ones and
 * the one whose worker's lease ran out are claimed by the queues' own claim SQL, renewal finds a row by its
 * owner, and each queue table wakes the workers. Runs the migrations in a schema of its own, in a transaction
 * that is rolled back.
 */
@QuarkusTest
class WorkQueueMigrationTest {

    private static final List<String> BEFORE = List.of("V1__requests_jobs_audit",
            "V2__lifecycle_and_secret_delivery", "V3__access_profiles", "V4__plan_checked", "V5__audit_chain",
            "V6__idempotency", "V7__approval_workflow", "V8__webhooks", "V9__posture", "V10__key_rotation",
            "V11__rotation_policies", "V12__clustered_schedule_and_issued_credentials", "V13__trace_context",
            "V14__target_accounts", "V15__rotation_per_account", "V16__audit_account");
    private static final String STATES = "select state || ':' || attempts || ':' || coalesce(lease_owner, '-') from ";

    @Inject
    AgroalDataSource db;

    @Test
    void rowsWrittenBeforeAreKeptAndWorkedByTheOneQueue() throws Exception {
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                sql.execute("create schema queue_legacy");
                sql.execute("set local search_path to queue_legacy");
                for (String name : BEFORE) {
                    sql.execute(migration(name));
                }
                sql.execute(request("00000000-0000-0000-0000-000000000001", "EXECUTING"));
                sql.execute(request("00000000-0000-0000-0000-000000000002", "APPROVED"));
                // A job whose worker died holding a five-minute lease that has run out, and one queued for later.
                sql.execute("insert into execution_job (request_id, state, attempts, run_after, lease_owner, "
                        + "lease_until, created_at, updated_at) values ('00000000-0000-0000-0000-000000000001', "
                        + "'RUNNING', 1, now() - interval '10 minutes', 'worker-gone', now() - interval '1 minute', "
                        + "now(), now())");
                sql.execute("insert into execution_job (request_id, state, attempts, run_after, created_at, "
                        + "updated_at) values ('00000000-0000-0000-0000-000000000002', 'QUEUED', 2, "
                        + "now() + interval '1 hour', now(), now())");
                sql.execute("insert into webhook_inbox (source_id, delivery_id, body_sha256, body, state, attempts, "
                        + "run_after, received_at, updated_at) values ('jira', 'd-1', 'ab', '\\x7b7d', 'QUEUED', 0, "
                        + "now(), now(), now())");
                sql.execute("insert into notification (id, target, event_type, payload, state, attempts, run_after, "
                        + "created_at, updated_at) values ('00000000-0000-0000-0000-00000000000a', 'subscriber:a', "
                        + "'request.submitted', '{}', 'PENDING', 1, now(), now(), now())");
                sql.execute("insert into notification (id, target, event_type, payload, state, attempts, run_after, "
                        + "created_at, updated_at, delivered_at) values ('00000000-0000-0000-0000-00000000000b', "
                        + "'subscriber:a', 'request.submitted', '{}', 'DELIVERED', 1, now(), now(), now(), now())");
                List<String> jobs = column(sql, STATES + "execution_job order by id");
                List<String> inbox = column(sql, STATES + "webhook_inbox order by id");
                List<String> notifications = column(sql, STATES + "notification order by id");

                sql.execute(migration("V17__work_queue_wakeups_and_replicas"));

                assertEquals(jobs, column(sql, STATES + "execution_job order by id"), "jobs kept as they were");
                assertEquals(inbox, column(sql, STATES + "webhook_inbox order by id"), "deliveries kept");
                assertEquals(notifications, column(sql, STATES + "notification order by id"), "notifications kept");
                assertEquals(List.of("00000000-0000-0000-0000-000000000001"), column(sql, "select request_id from "
                        + "execution_job where id in (" + claimSql(JobQueue.TABLE) + ")"),
                        "the job whose lease ran out is claimed; the one due later is not");
                assertEquals(List.of("d-1"), column(sql, "select delivery_id from webhook_inbox where id in ("
                        + claimSql(Inbox.TABLE) + ")"));
                assertEquals(List.of("00000000-0000-0000-0000-00000000000a"), column(sql, "select id from "
                        + "notification where id in (" + claimSql(NotificationQueue.TABLE) + ")"));
                assertEquals(1, sql.executeUpdate("update execution_job set lease_until = now() + interval '15 "
                        + "seconds' where state = 'RUNNING' and lease_owner = 'worker-gone'"), "renewal by owner");
                assertEquals(List.of("execution_job_wake", "notification_wake", "webhook_inbox_wake"),
                        column(sql, "select t.tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid join "
                                + "pg_namespace n on n.oid = c.relnamespace where n.nspname = 'queue_legacy' and "
                                + "t.tgname like '%_wake' order by 1"));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** The queue's claim as plain SQL: its parameter is the database's time here. */
    private static String claimSql(WorkQueue.Table table) {
        return table.claimSql().replace(":now", "now()");
    }

    private static String request(String id, String status) {
        return "insert into access_request (id, type, status, requester, user_name, tags, reason, plan, created_at, "
                + "updated_at, version, account) values ('" + id + "', 'CREATE_USER', '" + status + "', 'alice', "
                + "'legacy-user', '{}', 'before V17', '[]', now(), now(), 0, 'legacy')";
    }

    private static List<String> column(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** A migration's text, with the placeholder Flyway would fill in. */
    private static String migration(String name) throws IOException {
        try (InputStream in = WorkQueueMigrationTest.class.getClassLoader()
                .getResourceAsStream("db/migration/" + name + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${default_account}", "legacy");
        }
    }
}
