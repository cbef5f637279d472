package dev.iamsteward.posture;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Something a scan found wrong, across the scans that keep seeing it, until one no longer does. */
@Entity
@Table(name = "finding")
public class Finding extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The target account it was found in. */
    public String account;

    public String fingerprint;

    @Enumerated(EnumType.STRING)
    public FindingKind kind;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    public FindingStatus status;

    public String subject;

    @Column(name = "user_name")
    public String userName;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> evidence;

    @Column(name = "first_seen")
    public Instant firstSeen;

    @Column(name = "last_seen")
    public Instant lastSeen;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "remediation_request_id")
    public UUID remediationRequestId;

    static Finding open(String account, Observation seen, Instant at) {
        Finding finding = new Finding();
        finding.id = UUID.randomUUID();
        finding.account = account;
        finding.fingerprint = seen.fingerprint();
        finding.kind = seen.kind();
        finding.subject = seen.subject();
        finding.userName = seen.userName();
        finding.firstSeen = micros(at);
        finding.seen(seen, at);
        return finding;
    }

    /** Seen again: the evidence and severity are the latest; a resolved finding that came back is open again. */
    void seen(Observation seen, Instant at) {
        evidence = seen.evidence();
        severity = seen.severity();
        lastSeen = micros(at);
        status = FindingStatus.OPEN;
        resolvedAt = null;
    }

    /** A scan no longer sees it. */
    void resolve(Instant at) {
        status = FindingStatus.RESOLVED;
        resolvedAt = micros(at);
    }

    /** Records the request filed to fix it; only an open finding, and only one request at a time. */
    void remediatedBy(UUID requestId) {
        if (status != FindingStatus.OPEN) {
            throw new StewardException(ErrorKind.STATE_CONFLICT, "the finding is resolved; nothing to remediate");
        }
        remediationRequestId = requestId;
    }

    // PostgreSQL keeps microseconds; the entity in memory then equals what a later read returns.
    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
