package dev.iamsteward.webhook.inbound;

import dev.iamsteward.approval.ApprovalService;
import dev.iamsteward.approval.DecisionRequest;
import dev.iamsteward.audit.AuditEntry;
import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.Decision;
import dev.iamsteward.request.Requests;
import dev.iamsteward.webhook.DeliveryRefused;
import dev.iamsteward.webhook.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Processes one claimed delivery in one transaction with its effect: a ticket of a configured project and type
 * files its request, its status is tracked, and a move to an approved (or rejected) status by a mapped person is
 * an approval (or a rejection) under the same rules as any other. The delivery is marked done in the same
 * transaction.
 */
@ApplicationScoped
public class TicketProcessor {

    private final Inbox inbox;
    private final TicketRequests filing;
    private final ApprovalService approvals;
    private final AuditLog audit;
    private final WebhookConfig config;
    private final Clock clock;
    private final Event<DeliveryRefused> refusals;

    TicketProcessor(Inbox inbox, TicketRequests filing, ApprovalService approvals, AuditLog audit,
            WebhookConfig config, Clock clock, Event<DeliveryRefused> refusals) {
        this.inbox = inbox;
        this.filing = filing;
        this.approvals = approvals;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.refusals = refusals;
    }

    /**
     * Processes the delivery; with a {@code refusal}, a decision it carries is not attempted again but recorded
     * as refused for that reason. Throws {@link ApprovalRefused} when the decision does not count.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void process(Inbox.Claim claim, String worker, String refusal) {
        inbox.held(claim, worker).ifPresent(delivery -> {
            WebhookConfig.Source source = config.sources().get(claim.sourceId());
            String outcome = source == null ? "ignored: the source is no longer configured"
                    : apply(claim.sourceId(), source, TicketPayloads.read(format(source), claim.body()), refusal);
            delivery.done(outcome, clock.instant());
        });
    }

    /**
     * Marks a delivery done without effect, because the service refuses what it asks: the reason is kept, listed
     * for admins, audited, and told to the ticket where its source takes comments.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refuse(Inbox.Claim claim, String worker, String why) {
        inbox.held(claim, worker).ifPresent(delivery -> {
            Instant now = clock.instant();
            delivery.refused(why, now);
            String ticket = ticket(claim);
            audit.record(new AuditEntry("webhook.delivery-refused", null, actor(claim.sourceId(), null), null, null,
                    now, "delivery " + delivery.deliveryId + (ticket == null ? "" : " for ticket " + ticket)
                            + " refused: " + why));
            refusals.fire(new DeliveryRefused(claim.sourceId(), delivery.deliveryId, ticket, why, now));
        });
    }

    /** The ticket a delivery names, if it can be read at all. */
    private String ticket(Inbox.Claim claim) {
        WebhookConfig.Source source = config.sources().get(claim.sourceId());
        if (source == null) {
            return null;
        }
        try {
            return TicketPayloads.read(format(source), claim.body()).key();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    static WebhookConfig.Format format(WebhookConfig.Source source) {
        return source.format().orElse(switch (source.type()) {
            case JIRA, BEARER -> WebhookConfig.Format.JIRA;
            case STANDARD, SERVICENOW -> WebhookConfig.Format.TICKET;
        });
    }

    private String apply(String sourceId, WebhookConfig.Source source, TicketEvent event, String refusal) {
        if (event.kind() == TicketEvent.Kind.OTHER) {
            return "ignored: neither a ticket created nor one updated";
        }
        if (event.key() == null) {
            throw StewardException.invalid("the delivery names no ticket");
        }
        if (!covers(source.projects().orElse(null), event.project())
                || !covers(source.issueTypes().orElse(null), event.issueType())) {
            return "ignored: project '" + event.project() + "', type '" + event.issueType() + "' is not configured";
        }
        List<String> did = new ArrayList<>();
        AccessRequest request = Requests.fromTicket(sourceId, event.key()).orElse(null);
        if (request == null) {
            request = filing.file(sourceId, source, event);
            did.add("filed request " + request.id);
        } else if (event.status() != null && moved(sourceId, source, request, event)) {
            did.add("ticket status now '" + event.status() + "'");
        }
        Decision.Verdict verdict = verdict(source, event.move());
        if (verdict != null) {
            did.add(refusal == null ? decide(sourceId, source, request, event, verdict)
                    : refused(sourceId, request, event, verdict, refusal));
        }
        return did.isEmpty() ? "nothing to do" : String.join("; ", did);
    }

    private boolean moved(String sourceId, WebhookConfig.Source source, AccessRequest request, TicketEvent event) {
        Instant now = clock.instant();
        if (!request.ticketMoved(event.status(), source.approvedStatuses().contains(event.status()), now)) {
            return false;
        }
        audit.record(new AuditEntry("request.ticket-moved", request.id, actor(sourceId, event.actor()),
                request.status.name(), request.status.name(), now,
                "ticket " + event.key() + " is now '" + event.status() + "'", request.account));
        return true;
    }

    /** What a move of the ticket decides: a move to an approved status approves, to a rejected one rejects. */
    private static Decision.Verdict verdict(WebhookConfig.Source source, TicketEvent.Move move) {
        if (move == null || move.to() == null) {
            return null;
        }
        if (source.approvedStatuses().contains(move.to())) {
            return Decision.Verdict.APPROVE;
        }
        return source.rejectedStatuses().contains(move.to()) ? Decision.Verdict.REJECT : null;
    }

    private String decide(String sourceId, WebhookConfig.Source source, AccessRequest request, TicketEvent event,
            Decision.Verdict verdict) {
        WebhookConfig.Person person = event.actor() == null ? null : source.people().get(event.actor());
        if (person == null) {
            throw new ApprovalRefused("'" + actor(sourceId, event.actor()) + "' is not a person IAM Steward knows");
        }
        Caller decider = new Caller(person.subject(), person.groups().orElse(Set.of()), null);
        Requests.flush();
        try {
            approvals.decide(request.id, new DecisionRequest(verdict, "moved " + event.key()
                    + " to '" + event.move().to() + "' in " + sourceId, null), decider, null);
        } catch (StewardException e) {
            throw new ApprovalRefused("'" + person.subject() + "' may not " + (verdict == Decision.Verdict.APPROVE
                    ? "approve" : "reject") + ": " + e.getMessage());
        }
        return (verdict == Decision.Verdict.APPROVE ? "approval" : "rejection") + " by " + person.subject()
                + " recorded";
    }

    private String refused(String sourceId, AccessRequest request, TicketEvent event, Decision.Verdict verdict,
            String refusal) {
        boolean approval = verdict == Decision.Verdict.APPROVE;
        String what = approval ? "approval" : "rejection";
        audit.record(new AuditEntry("request.ticket-" + what + "-refused", request.id,
                actor(sourceId, event.actor()), request.status.name(), request.status.name(), clock.instant(),
                "ticket " + event.key() + " moved to '" + event.move().to() + "' does not count as "
                        + (approval ? "an " : "a ") + what + ": " + refusal, request.account));
        return what + " not counted: " + refusal;
    }

    private static boolean covers(java.util.Set<String> configured, String value) {
        return configured == null || configured.contains(value);
    }

    private static String actor(String sourceId, String account) {
        return sourceId + ":" + (account == null ? "unknown" : account);
    }
}
