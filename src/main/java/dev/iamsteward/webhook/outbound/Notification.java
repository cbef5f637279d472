package dev.iamsteward.webhook.outbound;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.common.Traces;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
 * in the transaction of the change and sent by a worker; its id is the Standard Webhooks {@code webhook-id}.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

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

    public int attempts;

    @Column(name = "run_after")
    public Instant runAfter;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** The W3C traceparent of the change it tells of: sending it continues that trace. */
    public String traceparent;

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

    void claim(String worker, Instant now, Instant until) {
        state = State.RUNNING;
        attempts++;
        leaseOwner = worker;
        leaseUntil = until;
        updatedAt = now;
    }

    boolean heldBy(String worker, int attempt) {
        return state == State.RUNNING && worker.equals(leaseOwner) && attempts == attempt;
    }

    public void delivered(Instant now) {
        state = State.DELIVERED;
        deliveredAt = now;
        lastError = null;
        release(now);
    }

    void retryAt(Instant when, String error, Instant now) {
        state = State.PENDING;
        runAfter = when;
        lastError = error;
        release(now);
    }

    public void fail(String error, Instant now) {
        state = State.FAILED;
        lastError = error;
        release(now);
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

    private void release(Instant now) {
        leaseOwner = null;
        leaseUntil = null;
        updatedAt = now;
    }
}
