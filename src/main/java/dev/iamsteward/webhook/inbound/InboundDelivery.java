package dev.iamsteward.webhook.inbound;

import dev.iamsteward.queue.Phase;
import dev.iamsteward.queue.QueuedWork;
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
 * in the transaction of its effect, so it is processed exactly once or retried. Its traceparent is the HTTP
 * call's that brought it: its processing continues that trace.
 */
@Entity
@Table(name = "webhook_inbox")
public class InboundDelivery extends QueuedWork {

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

    /** What processing did, in words: the request filed, the approval counted or why it was not. */
    public String outcome;

    /** Why the service refused what the delivery asks, when it did; null otherwise. */
    public String refusal;

    @Column(name = "received_at")
    public Instant receivedAt;

    void done(String what, Instant now) {
        finish(Phase.DONE, lastError, now);
        outcome = what;
    }

    void refused(String why, Instant now) {
        done("refused: " + why, now);
        refusal = why;
    }

    @Override
    public Phase phase() {
        return Phase.valueOf(state.name());
    }

    @Override
    protected void enter(Phase phase) {
        state = State.valueOf(phase.name());
    }

    @Override
    public Object key() {
        return id;
    }
}
