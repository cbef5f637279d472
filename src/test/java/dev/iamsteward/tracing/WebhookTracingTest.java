package dev.iamsteward.tracing;

import static dev.iamsteward.support.Webhooks.jiraIssue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.common.Secret;
import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Requests;
import dev.iamsteward.support.Webhooks;
import dev.iamsteward.webhook.Signatures;
import dev.iamsteward.webhook.inbound.InboxWorker;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A webhook delivery's processing, which a worker does later, continues the trace of the call that brought it. */
@QuarkusTest
class WebhookTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Inject
    JobWorker jobs;

    @Inject
    InboxWorker inbox;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void processingADeliveryIsAChildOfTheCallThatReceivedItInTheTicketingSystemsTrace() {
        Flows.drain(jobs);
        while (inbox.runDue() > 0) {
            // deliveries other tests left behind
        }
        String body = jiraIssue("jira:issue_created", Webhooks.uniqueTicket(), "acc-alice",
                Requests.uniqueUserName("jira"), "CREATE_USER", "Open", null);
        RestAssured.given().contentType(ContentType.JSON)
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .header("X-Hub-Signature", Signatures.hub(Secret.of(Webhooks.JIRA_SECRET), Webhooks.bytes(body)))
                .header("X-Atlassian-Webhook-Identifier", UUID.randomUUID().toString())
                .body(Webhooks.bytes(body)).post("/v1/webhooks/jira").then().statusCode(202);

        inbox.runDue();

        await().atMost(Duration.ofSeconds(10)).until(() -> inTrace().stream()
                .anyMatch(s -> s.getName().equals("process webhook delivery")));
        SpanData processing = inTrace().stream().filter(s -> s.getName().equals("process webhook delivery"))
                .findFirst().orElseThrow();
        SpanData received = inTrace().stream().filter(s -> s.getSpanId().equals(processing.getParentSpanId()))
                .findFirst().orElseThrow();
        assertEquals(SpanKind.SERVER, received.getKind());
        assertTrue(received.getName().startsWith("POST /v1/webhooks/"), received.getName());
        assertEquals("jira", processing.getAttributes().get(AttributeKey.stringKey("steward.webhook.source")));
    }

    private List<SpanData> inTrace() {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(TRACE_ID)).toList();
    }
}
