package dev.iamsteward.audit;

import static dev.iamsteward.support.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.support.Requests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The service's own database connection can only add audit rows, and every row it adds joins the chain. */
@QuarkusTest
class AuditAppendOnlyTest {

    @Inject
    AgroalDataSource db;

    @Test
    void theDatabaseRefusesToChangeOrRemoveAuditRows() throws SQLException {
        AuditTable table = new AuditTable(db);
        AuditRecord row = table.submissionOf(Requests.submitCreateUser(Requests.uniqueUserName("append")));
        for (String statement : List.of("update audit_event set detail = 'edited' where id = " + row.id(),
                "delete from audit_event where id = " + row.id(), "truncate audit_event")) {
            try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(statement), statement);
                assertTrue(refused.getMessage().contains("audit_event is append-only"), refused.getMessage());
            }
        }
        assertEquals(row, table.row(row.id()));
        assertTrue(AuditTable.verify().getBoolean("intact"));
    }

    @Test
    void anInsertCannotChooseItsPlaceInTheChain() throws SQLException {
        AuditTable table = new AuditTable(db);
        AuditRecord head = table.head();
        long id;
        try (Connection connection = db.getConnection();
                var insert = connection.prepareStatement("insert into audit_event (occurred_at, actor, action, seq, "
                        + "prev_hash, hash) values (?, 'chain-test', 'test.forged-place', 1, ?, ?) returning id")) {
            insert.setObject(1, OffsetDateTime.now());
            insert.setString(2, AuditChain.GENESIS);
            insert.setString(3, "f".repeat(64));
            var result = insert.executeQuery();
            result.next();
            id = result.getLong(1);
        }
        AuditRecord stored = table.row(id);
        assertEquals(head.seq() + 1, stored.seq());
        assertEquals(head.hash(), stored.prevHash());
        assertEquals(AuditChain.hash(stored), stored.hash());
        assertTrue(AuditTable.verify().getBoolean("intact"));
    }

    @Test
    void concurrentTransactionsEachGetTheirOwnPlace() throws Exception {
        String actor = Requests.uniqueUserName("racer");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> submissions = pool.invokeAll(IntStream.range(0, 16)
                    .<Callable<Integer>>mapToObj(i -> () -> as(actor, "requester").contentType(ContentType.JSON)
                            .body(Map.of("type", "CREATE_USER", "userName", Requests.uniqueUserName("race"),
                                    "reason", "racing"))
                            .post("/v1/requests").statusCode())
                    .toList());
            for (Future<Integer> submission : submissions) {
                assertEquals(202, submission.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(16, new AuditTable(db).by(actor).stream().map(AuditRecord::seq).distinct().count());
        assertTrue(AuditTable.verify().getBoolean("intact"));
    }
}
