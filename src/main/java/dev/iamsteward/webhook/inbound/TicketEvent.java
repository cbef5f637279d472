package dev.iamsteward.webhook.inbound;

import java.util.Map;

/**
 * What a ticketing system's delivery says, whatever its shape: a ticket created or updated, its project, type
 * and status, a move of its status (null when it did not move), who reported it, who acted, and its fields.
 */
public record TicketEvent(Kind kind, String key, String project, String issueType, String status, Move move,
        String reporter, String actor, Map<String, String> fields) {

    /** What happened to the ticket. */
    public enum Kind {
        CREATED, UPDATED, OTHER
    }

    /** A change of the ticket's status. */
    public record Move(String from, String to) {
    }

    public TicketEvent {
        fields = Map.copyOf(fields);
    }

    /** A field's value, null when the ticket does not have it. */
    public String field(String name) {
        return fields.get(name);
    }
}
