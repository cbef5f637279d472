package dev.iamsteward.rotation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * An exemption from rotation for a user (every key) or one of its keys in one target account, with an owner, a
 * reason and an expiry.
 */
@Entity
@Table(name = "rotation_exemption")
public class RotationExemption extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The target account the user is in; the same user name in another account is not exempt. */
    public String account;

    @Column(name = "user_name")
    public String userName;

    /** The one key exempt; null when the exemption covers all the user's keys. */
    @Column(name = "access_key_id")
    public String accessKeyId;

    /** The person accountable for the exemption. */
    public String owner;

    public String reason;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    static RotationExemption of(String account, ExemptionRequest request, String by, Instant at) {
        RotationExemption exemption = new RotationExemption();
        exemption.id = UUID.randomUUID();
        exemption.account = account;
        exemption.userName = request.userName();
        exemption.accessKeyId = request.accessKeyId();
        exemption.owner = request.owner();
        exemption.reason = request.reason();
        exemption.expiresAt = request.expiresAt().truncatedTo(ChronoUnit.MICROS);
        exemption.createdBy = by;
        exemption.createdAt = at.truncatedTo(ChronoUnit.MICROS);
        return exemption;
    }

    /** An expired exemption no longer applies. */
    boolean activeAt(Instant at) {
        return at.isBefore(expiresAt);
    }

    /**
     * Whether it covers this key of this user in this account (user names compare case-insensitively, as IAM's
     * do); a null {@code keyId} asks whether it covers every key of the user.
     */
    boolean covers(String inAccount, String user, String keyId) {
        return account.equals(inAccount) && userName.equalsIgnoreCase(user)
                && (accessKeyId == null || accessKeyId.equals(keyId));
    }
}
