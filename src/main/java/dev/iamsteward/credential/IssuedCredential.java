package dev.iamsteward.credential;

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
import java.util.UUID;

/**
 * One credential of a managed user as the service's own executed requests left it: the user itself, an access key
 * (with IAM's creation time, which is how the credential report names it), console access or an MFA device.
 */
@Entity
@Table(name = "issued_credential")
public class IssuedCredential extends PanacheEntityBase {

    /** What the row is about. */
    public enum Kind {
        USER, ACCESS_KEY, CONSOLE, MFA
    }

    /** What the service last set it to. */
    public enum State {
        ACTIVE, INACTIVE, REMOVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The target account the credential is in. */
    public String account;

    @Column(name = "user_name")
    public String userName;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** The access key id or MFA serial; the lower-cased user name for the user and its console access. */
    public String credential;

    /** An access key's creation time in IAM, to the second, as the report's {@code last_rotated} has it. */
    @Column(name = "made_at")
    public Instant madeAt;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "changed_at")
    public Instant changedAt;

    static IssuedCredential of(String account, Kind kind, String credential, String userName) {
        IssuedCredential row = new IssuedCredential();
        row.account = account;
        row.kind = kind;
        row.credential = credential;
        row.userName = userName;
        return row;
    }

    void set(State to, UUID byRequest, Instant at) {
        state = to;
        requestId = byRequest;
        changedAt = at;
    }
}
