package dev.iamsteward.webhook.inbound;

import static dev.iamsteward.support.Tokens.as;
import static dev.iamsteward.support.Webhooks.jiraIssue;
import static dev.iamsteward.support.Webhooks.postJira;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.execution.JobWorker;
import dev.iamsteward.support.Flows;
import dev.iamsteward.support.Requests;
import dev.iamsteward.support.Webhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A ticket moved to a rejected status rejects its request, under the same rules as any rejection. */
@QuarkusTest
class TicketRejectionTest {

    @Inject
    InboxWorker inbox;

    @Inject
    JobWorker jobs;

    @BeforeEach
    void drain() {
        Flows.drain(jobs);
        while (inbox.runDue() > 0) {
            // deliveries other tests left behind
        }
    }

    @Test
    void aTransitionToARejectedStatusByAMappedApproverRejectsTheRequest() {
        String ticket = Webhooks.uniqueTicket();
        String user = Requests.uniqueUserName("reject");
        file(ticket, user);
        postJira(jiraIssue("jira:issue_updated", ticket, "acc-bob", user, "CREATE_USER", "Declined", "Open"),
                UUID.randomUUID().toString(), Webhooks.JIRA_SECRET).statusCode(202);

        inbox.runDue();

        JsonPath request = requestOf(user);
        assertEquals("REJECTED", request.getString("status"));
        assertEquals("bob", request.getString("decisions[0].approver"));
        assertEquals("REJECT", request.getString("decisions[0].verdict"));
        assertEquals("moved " + ticket + " to 'Declined' in jira", request.getString("decisions[0].comment"));
        assertEquals("Declined", request.getString("ticket.status"));
    }

    @Test
    void aTransitionToARejectedStatusByAnUnmappedPersonRejectsNothingAndIsRecorded() {
        String ticket = Webhooks.uniqueTicket();
        String user = Requests.uniqueUserName("reject");
        file(ticket, user);
        postJira(jiraIssue("jira:issue_updated", ticket, "acc-mallory", user, "CREATE_USER", "Rejected", "Open"),
                UUID.randomUUID().toString(), Webhooks.JIRA_SECRET).statusCode(202);

        inbox.runDue();

        JsonPath request = requestOf(user);
        assertEquals("PENDING_APPROVAL", request.getString("status"));
        assertEquals(0, request.getList("decisions").size());
        JsonPath refusals = as("erin", "auditor").queryParam("requestId", request.getString("id"))
                .queryParam("action", "request.ticket-rejection-refused").get("/v1/audit").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, refusals.getList("items").size());
        assertEquals("jira:acc-mallory", refusals.getString("items[0].actor"));
        assertTrue(refusals.getString("items[0].detail").contains("'Rejected' does not count as a rejection"),
                refusals.getString("items[0].detail"));
    }

    private void file(String ticket, String user) {
        postJira(jiraIssue("jira:issue_created", ticket, "acc-alice", user, "CREATE_USER", "Open", null),
                UUID.randomUUID().toString(), Webhooks.JIRA_SECRET).statusCode(202);
        inbox.runDue();
    }

    private static JsonPath requestOf(String userName) {
        return as("bob", "approver").queryParam("userName", userName).get("/v1/requests").then().statusCode(200)
                .body("items.size()", equalTo(1)).extract().jsonPath().setRootPath("items[0]");
    }
}
