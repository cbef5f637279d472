package dev.iamsteward.common;

import static dev.iamsteward.support.Requests.submit;
import static dev.iamsteward.support.Requests.submitCreateUser;
import static dev.iamsteward.support.Requests.uniqueUserName;
import static dev.iamsteward.support.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Secrets;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Log lines carry the request a job serves, the caller of an API call and the trace in their context, and only
 * then.
 */
@QuarkusTest
class LogContextTest {

    @Inject
    JobWorker worker;

    @Inject
    InMemoryIamDirectory iam;

    private final List<ExtLogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            ExtLogRecord ext = ExtLogRecord.wrap(record);
            // The context is read where the line is written, not later on the test's thread.
            ext.copyMdc();
            synchronized (records) {
                records.add(ext);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        Flows.drain(worker);
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
        iam.faults().clear();
    }

    @Test
    void aLogLineWrittenWhileAJobRunsNamesItsRequestAndTheContextIsEmptyAfter() {
        String id = submitCreateUser(uniqueUserName("mdc"));
        iam.faults().failNext("CreateUser", 1, () -> new IamException.AccessDenied("not authorized to CreateUser"));

        Flows.approveAndRun(worker, id);

        ExtLogRecord denied = only("IAM AccessDenied");
        assertEquals(id, denied.getMdc(LogContext.REQUEST_ID), "the job's log line names its request");
        assertEquals(InMemoryIamDirectory.ACCOUNT_ID, denied.getMdc(LogContext.ACCOUNT),
                "and the AWS account it acts on");
        assertTrue(denied.getMdc("traceId").matches("[0-9a-f]{32}"), "and its trace: " + denied.getMdcCopy());
        assertTrue(denied.getMdc("spanId").matches("[0-9a-f]{16}"), "and its span: " + denied.getMdcCopy());
        assertTrue(MDC.getMap().isEmpty(), "nothing is left in the worker's context: " + MDC.getMap());
    }

    @Test
    void aLogLineWrittenWhileServingAnApiCallNamesTheCaller() {
        String user = Flows.managedUser(worker, "mdc", "olivia");
        String keyRequest = Flows.approveAndRun(worker, submit("CREATE_ACCESS_KEY", user, Map.of()));
        String delivery = as("bob", "approver").get("/v1/requests/{id}", keyRequest).then().extract()
                .path("secrets[0].id");

        Secrets.retrieve("mallory", delivery).statusCode(403);

        ExtLogRecord refused = only("mallory tried to fetch secret delivery");
        assertEquals("mallory", refused.getMdc(LogContext.ACTOR));
        assertTrue(refused.getMdc("traceId").matches("[0-9a-f]{32}"), "the call's trace: " + refused.getMdcCopy());
        assertFalse(refused.getMdcCopy().containsKey(LogContext.REQUEST_ID), "a delivery's path names no request");
    }

    private ExtLogRecord only(String text) {
        synchronized (records) {
            List<ExtLogRecord> matching = records.stream()
                    .filter(r -> r.getFormattedMessage() != null && r.getFormattedMessage().contains(text)).toList();
            assertEquals(1, matching.size(), "log lines containing '" + text + "'");
            return matching.get(0);
        }
    }
}
