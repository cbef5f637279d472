package dev.iamsteward.webhook.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamsteward.audit.AuditEntry;
import dev.iamsteward.posture.FindingOpened;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.BreakGlassUse;
import dev.iamsteward.request.RequestStatus;
import dev.iamsteward.request.Requests;
import dev.iamsteward.rotation.RotationNotice;
import dev.iamsteward.webhook.DeliveryRefused;
import dev.iamsteward.webhook.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes notifications in the transaction of what they tell: a request's change of status, to each subscriber
 * whose filter takes it, and a comment for the ticket of a request that has reached its outcome when its source
 * comments back; a HIGH or CRITICAL finding a scan opened ({@code finding.opened}), to each subscriber; and the
 * moments of a key rotation its user's owner is told of ({@code rotation.*}), to each subscriber.
 */
@ApplicationScoped
class NotificationOutbox {

    /** Break-glass is news in itself, whatever the status: its use, and its review. */
    private static final Set<String> BREAK_GLASS = Set.of(BreakGlassUse.USED, BreakGlassUse.REVIEWED);

    private static final Set<String> OUTCOMES = Set.of("request.succeeded", "request.failed", "request.rejected",
            "request.expired", "request.cancelled");

    static final String FINDING_OPENED = "finding.opened";
    static final String DELIVERY_REFUSED = "webhook.delivery-refused";

    private final WebhookConfig config;
    private final ObjectMapper json;

    NotificationOutbox(WebhookConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void on(@Observes AuditEntry entry) {
        String type = eventType(entry);
        if (type == null || entry.requestId() == null) {
            return;
        }
        AccessRequest request = Requests.get(entry.requestId());
        toSubscribers(type, request.id, payload(type, entry, request), entry.at());
        WebhookConfig.Source source = request.ticket.source() == null ? null
                : config.sources().get(request.ticket.source());
        if (source != null && source.commentBack().isPresent() && OUTCOMES.contains(type)) {
            Notification.of("jira:" + request.ticket.source() + ":" + request.ticket.key(), type, request.id,
                    JiraComments.body(request, entry), entry.at()).persist();
        }
    }

    /**
     * A refused delivery is answered on its ticket, where the source takes comments, once per reason: Jira reports
     * the comment itself as an update of the ticket, which would be refused again for the same reason.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void on(@Observes DeliveryRefused refused) {
        WebhookConfig.Source source = config.sources().get(refused.sourceId());
        if (refused.ticket() == null || source == null || source.commentBack().isEmpty()) {
            return;
        }
        String target = "jira:" + refused.sourceId() + ":" + refused.ticket();
        String comment = JiraComments.refusal(refused);
        if (Notification.count("target = ?1 and eventType = ?2 and payload = ?3", target, DELIVERY_REFUSED,
                comment) == 0) {
            Notification.of(target, DELIVERY_REFUSED, null, comment, refused.at()).persist();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void on(@Observes FindingOpened finding) {
        if (!finding.urgent()) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("findingId", finding.findingId());
        data.put("account", finding.account());
        data.put("kind", finding.kind());
        data.put("severity", finding.severity());
        data.put("subject", finding.subject());
        data.put("userName", finding.userName());
        data.put("evidence", new TreeMap<>(finding.evidence()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        data.put("whatToDo", finding.whatToDo());
        toSubscribers(FINDING_OPENED, null, json(FINDING_OPENED, finding.at(), data), finding.at());
    }

    /** A rotation's moment its user's owner is told of: key ids and the delivery link, never a secret. */
    @Transactional(Transactional.TxType.MANDATORY)
    void on(@Observes RotationNotice notice) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rotationId", notice.rotationId());
        data.put("account", notice.account());
        data.put("owner", notice.owner());
        data.put("userName", notice.userName());
        data.put("oldKeyId", notice.oldKeyId());
        data.put("newKeyId", notice.newKeyId());
        data.put("deliveryLink", notice.deliveryLink());
        data.put("note", notice.note());
        toSubscribers(notice.type(), null, json(notice.type(), notice.at(), data), notice.at());
    }

    private void toSubscribers(String type, UUID requestId, String payload, Instant at) {
        config.subscribers().forEach((id, subscriber) -> {
            if (subscriber.events().map(events -> events.contains(type)).orElse(true)) {
                Notification.of("subscriber:" + id, type, requestId, payload, at).persist();
            }
        });
    }

    /** The event a change is, by the status it moved to; null for moves nobody subscribes to. */
    static String eventType(AuditEntry entry) {
        if (BREAK_GLASS.contains(entry.action())) {
            return entry.action();
        }
        if (entry.toStatus() == null || entry.toStatus().equals(entry.fromStatus())) {
            return null;
        }
        return switch (RequestStatus.valueOf(entry.toStatus())) {
            case PENDING_APPROVAL -> entry.fromStatus() == null ? "request.submitted" : null;
            case APPROVED -> "request.approved";
            case REJECTED -> "request.rejected";
            case SUCCEEDED -> "request.succeeded";
            case FAILED -> "request.failed";
            case EXPIRED -> "request.expired";
            case CANCELLED -> "request.cancelled";
            case EXECUTING, AWAITING_MFA_CODES -> null;
        };
    }

    private String payload(String type, AuditEntry entry, AccessRequest request) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", request.id);
        data.put("account", request.account);
        data.put("requestType", request.type);
        data.put("status", entry.toStatus());
        data.put("userName", request.userName);
        data.put("requester", request.requester);
        data.put("actor", entry.actor());
        data.put("detail", entry.detail());
        data.put("ticket", request.ticket.key());
        if (BREAK_GLASS.contains(type)) {
            // Everyone who could have approved: the rule's groups, and the owner or manager it names.
            data.put("rule", request.approval.rule);
            data.put("approverGroups", request.approval.approverGroups());
            data.put("reviewDue", request.breakGlass.reviewDue.toString());
        }
        return json(type, entry.at(), data);
    }

    private String json(String type, Instant at, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", at.toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification could not be written as JSON", e);
        }
    }
}
