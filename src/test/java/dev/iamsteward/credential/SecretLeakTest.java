package dev.iamsteward.credential;

import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.support.Secrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dev.iamsteward.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** After a run that makes every kind of secret, no database row, log line or request view holds one. */
@QuarkusTest
class SecretLeakTest {

    @Inject
    JobWorker worker;

    @Inject
    EntityManager em;

    @Test
    void noSecretIsStoredOrLoggedInTheClear() {
        List<String> logs = new ArrayList<>();
        Handler capture = capturing(logs);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String user = uniqueUserName("leak");
            run(submit("CREATE_USER", user, Map.of("owner", "olivia")));
            String keyRequest = run(submit("CREATE_ACCESS_KEY", user, Map.of()));
            String consoleRequest = run(submit("GRANT_CONSOLE_ACCESS", user, Map.of()));
            String keyView = as("bob", "approver").get("/v1/requests/{id}", keyRequest).asString();
            String consoleView = as("bob", "approver").get("/v1/requests/{id}", consoleRequest).asString();

            String secretKey = fetch(keyRequest);
            String password = fetch(consoleRequest);

            assertEquals(40, secretKey.length());
            assertTrue(password.length() >= 20);
            for (String secret : List.of(secretKey, password)) {
                assertFalse(keyView.contains(secret) || consoleView.contains(secret), "a request view shows a secret");
                assertFalse(logs.stream().anyMatch(line -> line.contains(secret)), "a log line holds a secret");
                assertFalse(databaseText().stream().anyMatch(row -> row.contains(secret)), "a row holds a secret");
            }
            assertTrue(logs.stream().anyMatch(line -> line.contains("mallory tried to fetch secret delivery")),
                    "the capture saw the service's logging");
        } finally {
            root.removeHandler(capture);
        }
    }

    private String run(String id) {
        return Flows.approveAndRun(worker, id);
    }

    private static String fetch(String requestId) {
        String delivery = as("bob", "approver").get("/v1/requests/{id}", requestId).then().extract()
                .path("secrets[0].id");
        Secrets.retrieve("mallory", delivery).statusCode(403);
        return Secrets.retrieve("olivia", delivery).statusCode(200).extract().path("secret");
    }

    /** Every row of every table of the service's schema, as JSON text. */
    @SuppressWarnings("unchecked")
    private List<String> databaseText() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> tables = em.createNativeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE'").getResultList();
            List<String> rows = new ArrayList<>();
            for (String table : tables) {
                rows.addAll(em.createNativeQuery("select row_to_json(t)::text from \"" + table + "\" t")
                        .getResultList());
            }
            return rows;
        });
    }

    private static Handler capturing(List<String> lines) {
        SimpleFormatter formatter = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringWriter trace = new StringWriter();
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                }
                synchronized (lines) {
                    lines.add(formatter.formatMessage(record) + trace);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        return handler;
    }
}
