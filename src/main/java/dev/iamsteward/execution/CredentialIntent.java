package dev.iamsteward.execution;

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
 * A step's intent to make a credential whose secret IAM shows once, committed before the call: a later attempt
 * that meets a credential it has no secret for knows an earlier call may have made it.
 */
@Entity
@Table(name = "credential_intent")
public class CredentialIntent extends PanacheEntityBase {

    /** What the step makes. */
    public enum Kind {
        ACCESS_KEY, MFA
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id")
    public UUID requestId;

    public int step;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "user_name")
    public String userName;

    /** How many calls the step has started. */
    public int calls;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
