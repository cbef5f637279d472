package dev.iamsteward.tracing;

import static dev.iamsteward.support.Requests.submit;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Requests;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request's trace runs from its HTTP calls through the execution, which a worker runs later: the execution's
 * span is a child of the approval's and links to the submission's, and each IAM call is a span beneath it.
 */
@QuarkusTest
class ExecutionTracingTest {

    private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("steward.request.id");
    private static final AttributeKey<String> REQUEST_TYPE = AttributeKey.stringKey("steward.request.type");
    private static final AttributeKey<String> ACCOUNT = AttributeKey.stringKey("steward.account");
    private static final AttributeKey<String> IAM_USER = AttributeKey.stringKey("steward.iam.user_name");

    @Inject
    JobWorker worker;

    @Inject
    InMemorySpanExporter spans;

    private String user;

    @BeforeEach
    void managedUser() {
        Flows.drain(worker);
        user = Flows.managedUser(worker, "trace", "olivia");
        // Its spans are exported in the background: wait for the last of them, so that none comes after the reset.
        SpanData createUser = awaitOne(s -> s.getName().equals("iam CreateUser")
                && user.equals(s.getAttributes().get(IAM_USER)));
        awaitOne(s -> s.getSpanId().equals(createUser.getParentSpanId()));
        spans.reset();
    }

    @Test
    void theExecutionOfAnApprovedRequestIsAChildOfTheApprovalAndItsIamCallsAreBeneathIt() {
        String id = submit("CREATE_ACCESS_KEY", user, Map.of());
        Requests.approve(id);
        worker.runDueJobs();

        SpanData execution = awaitOne(s -> s.getName().equals("execute request")
                && id.equals(s.getAttributes().get(REQUEST_ID)));
        SpanData approval = awaitOne(s -> s.getSpanId().equals(execution.getParentSpanId()));
        assertEquals("POST /v1/requests/{id}/approvals", approval.getName(), "the approval's span is its parent");
        assertEquals(SpanKind.SERVER, approval.getKind());
        assertEquals(approval.getTraceId(), execution.getTraceId(), "execution continues the approval's trace");
        assertEquals(1, execution.getLinks().size(), "it links to the submission");
        String linked = execution.getLinks().get(0).getSpanContext().getSpanId();
        SpanData submission = awaitOne(s -> s.getSpanId().equals(linked));
        assertEquals("POST /v1/requests", submission.getName());
        assertEquals(SpanKind.SERVER, submission.getKind());
        assertEquals("CREATE_ACCESS_KEY", execution.getAttributes().get(REQUEST_TYPE));
        assertEquals("default", execution.getAttributes().get(ACCOUNT));

        SpanData createKey = awaitOne(s -> s.getName().equals("iam CreateAccessKey")
                && s.getParentSpanId().equals(execution.getSpanId()));
        assertEquals(SpanKind.INTERNAL, createKey.getKind());
        assertEquals(execution.getTraceId(), createKey.getTraceId());
        assertEquals(user, createKey.getAttributes().get(IAM_USER));
        assertEquals("default", createKey.getAttributes().get(ACCOUNT));
        assertTrue(spans.getFinishedSpanItems().stream().noneMatch(s -> s.getName().contains(user)
                || s.getName().contains(id)), "span names hold no user name or id");
    }

    @Test
    void noSpanOfTheWholeFlowHoldsTheKeySecretOrThePassword() {
        String keyRequest = Flows.approveAndRun(worker, submit("CREATE_ACCESS_KEY", user, Map.of()));
        String consoleRequest = Flows.approveAndRun(worker, submit("GRANT_CONSOLE_ACCESS", user, Map.of()));
        String secretKey = TracedSecrets.fetch(keyRequest);
        String password = TracedSecrets.fetch(consoleRequest);
        await().atMost(Duration.ofSeconds(10)).until(() -> matching(s -> s.getName().equals("execute request")
                || s.getName().equals("POST /v1/deliveries/{id}/retrieve")).size() == 4);

        List<String> exported = spans.getFinishedSpanItems().stream().map(TracedSecrets::text).toList();
        assertTrue(exported.stream().anyMatch(text -> text.contains("iam CreateLoginProfile")),
                "the console access's IAM calls were traced");
        for (String secret : List.of(secretKey, password)) {
            assertFalse(exported.stream().anyMatch(text -> text.contains(secret)), "a span holds a secret");
        }
    }

    private SpanData awaitOne(Predicate<SpanData> match) {
        await().atMost(Duration.ofSeconds(10)).until(() -> matching(match).size() > 0);
        List<SpanData> found = matching(match);
        assertEquals(1, found.size(), "matching spans: " + found);
        return found.get(0);
    }

    private List<SpanData> matching(Predicate<SpanData> match) {
        return spans.getFinishedSpanItems().stream().filter(match).toList();
    }
}
