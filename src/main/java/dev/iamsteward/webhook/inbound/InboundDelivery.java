package dev.iamsteward.webhook.inbound;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A verified delivery from a ticketing system, in the inbox until a worker has processed it. It is marked done
 * in the transaction of its effect, so it is processed exactly once or retried.
 */
@Entity
@Table(name = "webhook_inbox")
public class InboundDelivery extends PanacheEntityBase {

    /** Where a delivery is. */
    public enum State {
        QUEUED, RUNNING, DONE, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "source_id")
    public String sourceId;

    @Column(name = "delivery_id")
    public String deliveryId;

    @Column(name = "body_sha256")
    public String bodySha256;

    public byte[] body;

    @Enumerated(EnumType.STRING)
    public State state;

    public int attempts;

    @Column(name = "run_after")
    public Instant runAfter;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** What processing did, in words: the request filed, the approval counted or why it was not. */
    public String outcome;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The W3C traceparent of the HTTP call that brought the delivery: its processing continues that trace. */
    public String traceparent;

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

    void done(String what, Instant now) {
        state = State.DONE;
        outcome = what;
        release(now);
    }

    void retryAt(Instant when, String error, Instant now) {
        state = State.QUEUED;
        runAfter = when;
        lastError = error;
        release(now);
    }

    public void fail(String error, Instant now) {
        state = State.FAILED;
        lastError = error;
        release(now);
    }

    private void release(Instant now) {
        leaseOwner = null;
        leaseUntil = null;
        updatedAt = now;
    }
}
