package dev.iamsteward.webhook.outbound;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.common.Traces;
import dev.iamsteward.queue.Phase;
import dev.iamsteward.queue.QueuedWork;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One notification of a request change to one target (a subscriber, or a Jira ticket for a comment), written
 * in the transaction of the change and sent by a worker; its id is the Standard Webhooks {@code webhook-id}. Its
 * traceparent is the change's: sending it continues that trace.
 */
@Entity
@Table(name = "notification")
public class Notification extends QueuedWork {

    /** Where a notification is; FAILED ones ran out of attempts and wait for an admin to redeliver them. */
    public enum State {
        PENDING, RUNNING, DELIVERED, FAILED
    }

    @Id
    public UUID id;

    /** {@code subscriber:<id>} or {@code jira:<source id>:<ticket>}. */
    public String target;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "request_id")
    public UUID requestId;

    /** The body, exactly as it is sent and signed. */
    public String payload;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    public static Notification of(String target, String eventType, UUID requestId, String payload, Instant at) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.target = target;
        n.eventType = eventType;
        n.requestId = requestId;
        n.payload = payload;
        n.state = State.PENDING;
        n.runAfter = at;
        n.createdAt = at;
        n.updatedAt = at;
        n.traceparent = Traces.currentParent();
        return n;
    }

    /** The {@code webhook-id} it is sent with: the same on every attempt, so receivers can drop duplicates. */
    public String messageId() {
        return "msg_" + id.toString().replace("-", "");
    }

    public void delivered(Instant now) {
        finish(Phase.DONE, null, now);
        deliveredAt = now;
    }

    /** An admin sends a failed notification again, with a fresh set of attempts. */
    void redeliver(Instant now) {
        if (state != State.FAILED) {
            throw new StewardException(ErrorKind.ILLEGAL_TRANSITION,
                    "only a failed notification can be redelivered; this one is " + state);
        }
        state = State.PENDING;
        attempts = 0;
        runAfter = now;
        updatedAt = now;
    }

    @Override
    public Phase phase() {
        return switch (state) {
            case PENDING -> Phase.QUEUED;
            case RUNNING -> Phase.RUNNING;
            case DELIVERED -> Phase.DONE;
            case FAILED -> Phase.FAILED;
        };
    }

    @Override
    protected void enter(Phase phase) {
        state = switch (phase) {
            case QUEUED -> State.PENDING;
            case RUNNING -> State.RUNNING;
            case DONE -> State.DELIVERED;
            case FAILED -> State.FAILED;
            case WAITING -> throw new IllegalArgumentException("a notification never waits");
        };
    }

    @Override
    public Object key() {
        return id;
    }
}
