package dev.iamsteward.credential;

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
 * A secret waiting for its one recipient, sealed with envelope encryption. Retrieval or expiry destroys the
 * sealed material and leaves a tombstone, so a second attempt can be told the secret is gone.
 */
@Entity
@Table(name = "secret_delivery")
public class SecretDelivery extends PanacheEntityBase {

    /** What kind of secret it is. */
    public enum Kind {
        ACCESS_KEY_SECRET, CONSOLE_PASSWORD, MFA_SEED,
        /** The service's own copy of an MFA seed, to check the owner's codes; never handed out. */
        MFA_VERIFIER
    }

    /** Whether the secret's access key must first be shown to authenticate, and whether it was. */
    public enum KeyProof {
        /** Not an access key, or sealed before keys were proven: fetchable at once. */
        NOT_NEEDED,
        /** The key does not authenticate yet; the secret cannot be fetched. */
        PENDING,
        PROVEN,
        /** The key never authenticated as its user; the secret is never handed out. */
        FAILED
    }

    /** Why the sealed material is gone. */
    public enum Destroyed {
        RETRIEVED, EXPIRED
    }

    @Id
    public UUID id;

    @Column(name = "request_id")
    public UUID requestId;

    public int step;

    @Column(name = "user_name")
    public String userName;

    public String recipient;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** A non-secret hint for the recipient, e.g. the access key id the secret belongs to. */
    public String label;

    public byte[] ciphertext;

    @Column(name = "wrapped_key")
    public byte[] wrappedKey;

    @Column(name = "key_id")
    public String keyId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "destroyed_at")
    public Instant destroyedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "destroyed_why")
    public Destroyed destroyedWhy;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_proof")
    public KeyProof keyProof = KeyProof.NOT_NEEDED;

    /** When GetCallerIdentity signed with the key first named its user. */
    @Column(name = "proven_at")
    public Instant provenAt;

    /** GetCallerIdentity checks made so far, over all attempts of the step. */
    @Column(name = "proof_checks")
    public int proofChecks;

    /** Why the key is not proven (yet): what STS last answered, or why the proof was given up. */
    @Column(name = "proof_failure")
    public String proofFailure;

    /** The associated data that binds the sealed secret to this delivery and its request. */
    String associatedData() {
        return "iam-steward:delivery:" + id + ":request:" + requestId;
    }

    Envelope.Sealed sealed() {
        return new Envelope.Sealed(ciphertext, wrappedKey, keyId);
    }

    /** Whether the recipient may fetch it: its key proven, or none to prove. */
    boolean ready() {
        return keyProof == KeyProof.NOT_NEEDED || keyProof == KeyProof.PROVEN;
    }

    boolean destroyed() {
        return destroyedAt != null;
    }

    void destroy(Destroyed why, Instant at) {
        ciphertext = null;
        wrappedKey = null;
        destroyedAt = at;
        destroyedWhy = why;
    }
}
