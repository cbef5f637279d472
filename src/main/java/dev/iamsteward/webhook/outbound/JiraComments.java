package dev.iamsteward.webhook.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamsteward.audit.AuditEntry;
import dev.iamsteward.common.Secret;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.webhook.DeliveryRefused;
import dev.iamsteward.webhook.WebhookConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Comments on a Jira ticket with its request's outcome, through Jira's REST API v3. */
final class JiraComments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JiraComments() {
    }

    /** The comment, in Atlassian Document Format: one paragraph saying what became of the request. */
    static String body(AccessRequest request, AuditEntry entry) {
        return paragraph("IAM Steward: request " + request.id + " (" + request.type + " " + request.userName + ") is "
                + entry.toStatus() + (entry.detail() == null ? "" : ": " + entry.detail()));
    }

    /** The comment on a ticket whose delivery the service refused: why, and what to do. */
    static String refusal(DeliveryRefused refused) {
        return paragraph("IAM Steward did not act on this update: " + refused.reason() + ". Correct the ticket and "
                + "update it again, or ask an IAM Steward admin (the refused deliveries are listed for them).");
    }

    private static String paragraph(String text) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode doc = root.putObject("body").put("type", "doc").put("version", 1);
        doc.putArray("content").addObject().put("type", "paragraph").putArray("content").addObject()
                .put("type", "text").put("text", text);
        return root.toString();
    }

    /** {@code POST /rest/api/3/issue/{key}/comment} on the source's site, with its credentials. */
    static HttpRequest.Builder request(WebhookConfig.CommentBack jira, String ticket) {
        URI uri = URI.create(jira.baseUrl().toString().replaceAll("/+$", "") + "/rest/api/3/issue/"
                + URLEncoder.encode(ticket, StandardCharsets.UTF_8) + "/comment");
        return HttpRequest.newBuilder(uri).header("Authorization", authorization(jira.user().orElse(null),
                jira.token()));
    }

    private static String authorization(String user, Secret token) {
        if (user == null) {
            return "Bearer " + token.reveal();
        }
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + token.reveal())
                .getBytes(StandardCharsets.UTF_8));
    }
}
