package dev.iamsteward.webhook.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.webhook.WebhookConfig;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Reads the payloads of ticketing systems, once their signature holds, into {@link TicketEvent}s. */
public final class TicketPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TicketPayloads() {
    }

    public static TicketEvent read(WebhookConfig.Format format, byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw StewardException.invalid("the delivery's body is not valid JSON");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (root == null || !root.isObject()) {
            throw StewardException.invalid("the delivery's body is not a JSON object");
        }
        return format == WebhookConfig.Format.JIRA ? jira(root) : ticket(root);
    }

    /** Jira's webhook payload: webhookEvent, issue (key, fields), changelog.items, user. */
    private static TicketEvent jira(JsonNode root) {
        TicketEvent.Kind kind = switch (root.path("webhookEvent").asText()) {
            case "jira:issue_created" -> TicketEvent.Kind.CREATED;
            case "jira:issue_updated" -> TicketEvent.Kind.UPDATED;
            default -> TicketEvent.Kind.OTHER;
        };
        JsonNode fields = root.path("issue").path("fields");
        TicketEvent.Move move = null;
        for (JsonNode item : root.path("changelog").path("items")) {
            if ("status".equals(item.path("field").asText())) {
                move = new TicketEvent.Move(text(item.get("fromString")), text(item.get("toString")));
            }
        }
        Map<String, String> values = new HashMap<>();
        fields.fields().forEachRemaining(f -> {
            String value = text(f.getValue());
            if (value != null) {
                values.put(f.getKey(), value);
            }
        });
        return new TicketEvent(kind, text(root.path("issue").get("key")), text(fields.path("project").get("key")),
                text(fields.path("issuetype").get("name")), text(fields.path("status").get("name")), move,
                text(fields.path("reporter").get("accountId")), text(root.path("user").get("accountId")), values);
    }

    /** The flat ticket event of the README, e.g. from a ServiceNow business rule. */
    private static TicketEvent ticket(JsonNode root) {
        TicketEvent.Kind kind = switch (root.path("event").asText()) {
            case "ticket.created" -> TicketEvent.Kind.CREATED;
            case "ticket.updated" -> TicketEvent.Kind.UPDATED;
            default -> TicketEvent.Kind.OTHER;
        };
        String status = text(root.get("status"));
        String previous = text(root.get("previousStatus"));
        TicketEvent.Move move = status != null && previous != null && !status.equals(previous)
                ? new TicketEvent.Move(previous, status) : null;
        Map<String, String> values = new HashMap<>();
        root.path("fields").fields().forEachRemaining(f -> {
            String value = text(f.getValue());
            if (value != null) {
                values.put(f.getKey(), value);
            }
        });
        return new TicketEvent(kind, text(root.get("ticket")), text(root.get("project")), text(root.get("type")),
                status, move, text(root.get("reporter")), text(root.get("actor")), values);
    }

    /** A field as text: a string or number, or the value, name or key of an option or object. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        for (String name : new String[] {"value", "name", "key"}) {
            if (node.hasNonNull(name) && node.get(name).isValueNode()) {
                return node.get(name).asText();
            }
        }
        return null;
    }
}
