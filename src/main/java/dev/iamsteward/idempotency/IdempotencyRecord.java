package dev.iamsteward.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A caller's idempotency key: the request it was first used for and, once that finished, its response. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord extends PanacheEntityBase {

    /** Whether the request the key was first used for has finished. */
    public enum State {
        IN_FLIGHT, COMPLETED
    }

    /** What a request that brings a key already on record gets. */
    public enum Verdict {
        /** The same request, answered: the answer again. */
        REPLAY,
        /** A different request under the same key. */
        REUSED,
        /** The same request, still running. */
        IN_FLIGHT,
        /** The same request, whose attempt was abandoned mid-way: it runs again. */
        TAKE_OVER
    }

    /** The same key from two callers is two unrelated keys. */
    @Embeddable
    public record Id(String caller, @Column(name = "idempotency_key") String key) implements Serializable {
    }

    @EmbeddedId
    public Id id;

    public String method;

    public String path;

    @Column(name = "body_sha256")
    public String bodySha256;

    @Enumerated(EnumType.STRING)
    public State state;

    public UUID attempt;

    @Column(name = "response_status")
    public Integer responseStatus;

    @Column(name = "response_content_type")
    public String responseContentType;

    @Column(name = "response_location")
    public String responseLocation;

    @Column(name = "response_etag")
    public String responseEtag;

    @Column(name = "response_body")
    public byte[] responseBody;

    /** The replica whose attempt holds the key. */
    public String replica;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /**
     * What a request with this key gets: an unfinished attempt is taken over once it has run longer than
     * {@code inFlightTimeout}, or at once when the replica running it has stopped ({@code holderStopped}).
     */
    public Verdict verdictFor(Fingerprint request, Instant now, Duration inFlightTimeout, boolean holderStopped) {
        if (!fingerprint().equals(request)) {
            return Verdict.REUSED;
        }
        if (state == State.COMPLETED) {
            return Verdict.REPLAY;
        }
        return holderStopped || !now.isBefore(createdAt.plus(inFlightTimeout)) ? Verdict.TAKE_OVER
                : Verdict.IN_FLIGHT;
    }

    public Fingerprint fingerprint() {
        return new Fingerprint(method, path, bodySha256);
    }

    /** Whether {@code attempt} still holds the key, unfinished: one that was taken over does not. */
    public boolean heldBy(UUID attempt) {
        return state == State.IN_FLIGHT && this.attempt.equals(attempt);
    }

    /** A new attempt holds the key; the abandoned one can no longer complete it. */
    void takeOver(UUID newAttempt, String newReplica, Instant now, Duration retention) {
        attempt = newAttempt;
        replica = newReplica;
        createdAt = now;
        expiresAt = now.plus(retention);
    }

    void complete(StoredResponse response, Instant now) {
        state = State.COMPLETED;
        responseStatus = response.status();
        responseContentType = response.contentType();
        responseLocation = response.location();
        responseEtag = response.etag();
        responseBody = response.body();
        completedAt = now;
    }

    public StoredResponse response() {
        return new StoredResponse(responseStatus, responseContentType, responseLocation, responseEtag, responseBody);
    }
}
