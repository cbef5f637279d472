package dev.iamsteward.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamsteward.common.Secret;
import dev.iamsteward.webhook.Signatures;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deliveries as the test sources of application.properties send them: Jira, ServiceNow, JSM. */
public final class Webhooks {

    public static final String JIRA_SECRET = "jira-dev-secret-one";
    public static final String JIRA_SECOND_SECRET = "jira-dev-secret-two";
    public static final String SERVICENOW_SECRET = "whsec_iwglbDfyFldCjzl16a1IR226HGp7sKAi";
    public static final String SERVICENOW_SECOND_SECRET = "whsec_aD7Nrxdinj38+vMlbeWGnsk7mH2RITD2";
    public static final String JSM_TOKEN = "jsm-dev-token-0123456789";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Webhooks() {
    }

    /** A ticket key no other test uses, in project OPS. */
    public static String uniqueTicket() {
        return "OPS-" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    /**
     * A Jira webhook payload: {@code event} is jira:issue_created or jira:issue_updated; {@code from} and
     * {@code to} give a status transition in the changelog, when {@code from} is not null.
     */
    public static String jiraIssue(String event, String key, String actor, String userName, String type,
            String status, String from) {
        ObjectNode root = JSON.createObjectNode().put("webhookEvent", event).put("timestamp", 1_700_000_000_000L);
        root.putObject("user").put("accountId", actor);
        ObjectNode fields = root.putObject("issue").put("key", key).putObject("fields");
        fields.putObject("project").put("key", "OPS");
        fields.putObject("issuetype").put("name", "Access");
        fields.putObject("status").put("name", status);
        fields.putObject("reporter").put("accountId", "acc-alice");
        fields.put("summary", "Access for " + userName);
        fields.put("customfield_10050", userName);
        fields.putObject("customfield_10051").put("value", type);
        if (from != null) {
            ArrayNode items = root.putObject("changelog").putArray("items");
            items.addObject().put("field", "status").put("fromString", from).put("toString", status);
        }
        return root.toString();
    }

    /** Posts a Jira delivery signed with {@code secret}. */
    public static ValidatableResponse postJira(String body, String deliveryId, String secret) {
        return RestAssured.given().contentType(ContentType.JSON)
                .header("X-Hub-Signature", Signatures.hub(Secret.of(secret), bytes(body)))
                .header("X-Atlassian-Webhook-Identifier", deliveryId)
                .body(bytes(body)).post("/v1/webhooks/jira").then();
    }

    /** Posts a Standard Webhooks delivery to {@code source}, signed with {@code secret}. */
    public static ValidatableResponse postStandard(String source, String id, long timestamp, String body,
            String secret) {
        return RestAssured.given().contentType(ContentType.JSON)
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.standard(Secret.of(secret), id, timestamp, bytes(body)))
                .body(bytes(body)).post("/v1/webhooks/" + source).then();
    }

    /** Posts a JSM delivery with {@code token} in Authorization: Bearer. */
    public static ValidatableResponse postBearer(String body, String token) {
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(bytes(body)).post("/v1/webhooks/jsm").then();
    }

    public static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
