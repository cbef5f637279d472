package dev.iamsteward.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The ticket a request is filed from: the ticketing source, the ticket's key, its status then, whether that
 * status is an approved one, and whether the request may execute only while it is. A request made through the
 * API has {@link #NONE}.
 */
@Embeddable
public record TicketLink(
        @Column(name = "ticket_source") String source,
        @Column(name = "ticket") String key,
        @Column(name = "ticket_status") String status,
        @Column(name = "ticket_approved") boolean approved,
        @Column(name = "ticket_gated") boolean gated) {

    /** No ticket: the request was made through the API. */
    public static final TicketLink NONE = new TicketLink(null, null, null, false, false);

    /** Whether the request was filed from a ticket. */
    public boolean present() {
        return key != null;
    }

    /** The same ticket, now in {@code status}. */
    TicketLink moved(String status, boolean approved) {
        return new TicketLink(source, key, status, approved, gated);
    }

    /** Whether the ticket holds its request back: gated, and not in an approved status. */
    boolean holdsBack() {
        return gated && !approved;
    }
}
