package dev.iamsteward.request;

/**
 * The ticket a request is filed from: the ticketing source, the ticket's key, its status then, whether that
 * status is an approved one, and whether the request may execute only while it is.
 */
public record TicketLink(String source, String key, String status, boolean approved, boolean gated) {
}
