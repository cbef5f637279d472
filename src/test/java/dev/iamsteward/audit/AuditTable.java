package dev.iamsteward.audit;

import static dev.iamsteward.support.Tokens.as;

import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The audit table reached with SQL, the way someone with the database's keys could, for tests that tamper
 * with it and must put back exactly what they changed: every test in the run shares this table.
 */
final class AuditTable {

    static final String COLUMNS = "seq, id, occurred_at, actor, action, request_id, account, from_status, "
            + "to_status, detail, prev_hash, hash";

    private final DataSource db;

    AuditTable(DataSource db) {
        this.db = db;
    }

    /** What {@code GET /v1/audit/verify} reports, as an auditor. */
    static JsonPath verify() {
        return as("ivy", "auditor").get("/v1/audit/verify").then().statusCode(200).extract().jsonPath();
    }

    /** The audit row a request's submission wrote. */
    AuditRecord submissionOf(String requestId) {
        return query("select " + COLUMNS + " from audit_event where request_id = ? and action = 'request.submitted'",
                UUID.fromString(requestId));
    }

    /** Every row by {@code actor}, in the chain's order. */
    List<AuditRecord> by(String actor) {
        try (Connection connection = db.getConnection();
                PreparedStatement statement = bind(connection.prepareStatement("select " + COLUMNS
                        + " from audit_event where actor = ? order by seq"), actor);
                ResultSet r = statement.executeQuery()) {
            List<AuditRecord> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(record(r));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    AuditRecord row(long id) {
        return query("select " + COLUMNS + " from audit_event where id = ?", id);
    }

    AuditRecord head() {
        return query("select " + COLUMNS + " from audit_event where seq = (select max(seq) from audit_event)");
    }

    /** Runs one statement with the table's triggers switched off, as only its owner or a superuser can. */
    void tamper(String sql, Object... arguments) {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement ddl = connection.createStatement();
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                // Switched off and on in one transaction: no other session ever sees the table unguarded.
                ddl.execute("alter table audit_event disable trigger user");
                bind(statement, arguments).executeUpdate();
                ddl.execute("alter table audit_event enable trigger user");
                connection.commit();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a row in with every column as given, chain columns included. */
    void insert(AuditRecord row) {
        tamper("insert into audit_event (" + COLUMNS + ") overriding system value "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.seq(), row.id(),
                OffsetDateTime.ofInstant(row.at(), ZoneOffset.UTC), row.actor(), row.action(), row.requestId(),
                row.account(), row.fromStatus(), row.toStatus(), row.detail(), row.prevHash(), row.hash());
    }

    /**
     * Appends a row about no target account, as the service writes some, through the chain's trigger like any
     * insert: a legitimate row, which stays.
     */
    AuditRecord appendWithoutAccount() {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("insert into audit_event (occurred_at, actor, action) "
                        + "values (now(), 'audit-test', 'test.no-account') returning id")) {
            result.next();
            return row(result.getLong(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An id the table's identity will never hand out itself. */
    long unusedId() {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select nextval(pg_get_serial_sequence('audit_event', 'id'))")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private AuditRecord query(String sql, Object... arguments) {
        try (Connection connection = db.getConnection();
                PreparedStatement statement = bind(connection.prepareStatement(sql), arguments);
                ResultSet r = statement.executeQuery()) {
            if (!r.next()) {
                throw new IllegalStateException("no audit row for " + sql);
            }
            return record(r);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The row a result set is on. */
    static AuditRecord record(ResultSet r) throws SQLException {
        return new AuditRecord(r.getLong("seq"), r.getLong("id"),
                r.getObject("occurred_at", OffsetDateTime.class).toInstant(), r.getString("actor"),
                r.getString("action"), r.getObject("request_id", UUID.class), r.getString("account"),
                r.getString("from_status"),
                r.getString("to_status"), r.getString("detail"), r.getString("prev_hash"), r.getString("hash"));
    }

    private static PreparedStatement bind(PreparedStatement statement, Object... arguments) throws SQLException {
        for (int i = 0; i < arguments.length; i++) {
            statement.setObject(i + 1, arguments[i]);
        }
        return statement;
    }
}
