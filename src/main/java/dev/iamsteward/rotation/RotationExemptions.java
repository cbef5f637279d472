package dev.iamsteward.rotation;

import dev.iamsteward.account.TargetAccount;
import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.audit.AuditEntry;
import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.Cursor;
import dev.iamsteward.common.KeysetQuery;
import dev.iamsteward.common.Page;
import dev.iamsteward.common.Paging;
import dev.iamsteward.common.StewardException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Exemptions from rotation, each in one account: made and removed by admins, audited, and consulted by the sweep. */
@ApplicationScoped
public class RotationExemptions {

    private final TargetAccounts accounts;
    private final RotationConfig config;
    private final AuditLog audit;
    private final Clock clock;

    RotationExemptions(TargetAccounts accounts, RotationConfig config, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Exempts a managed user of one account, or one of its keys, until {@code expiresAt}, which must be within the
     * maximum; the account is resolved as a request's is.
     */
    @Transactional
    public ExemptionView create(ExemptionRequest request, Caller caller) {
        Instant now = clock.instant();
        if (!request.expiresAt().isAfter(now)) {
            throw StewardException.invalid("expiresAt must be in the future");
        }
        if (request.expiresAt().isAfter(now.plus(config.exemptionMaxLength()))) {
            throw StewardException.invalid("expiresAt must be at most " + config.exemptionMaxLength()
                    + " ahead (steward.rotation.exemption-max-length)");
        }
        TargetAccount target = accounts.resolve(request.account());
        if (!managed(target, request.userName())) {
            throw StewardException.notFound("Managed user", request.userName());
        }
        if (request.accessKeyId() != null && target.directory().listAccessKeys(request.userName()).stream()
                .noneMatch(k -> k.accessKeyId().equals(request.accessKeyId()))) {
            throw StewardException.notFound("Access key of user " + request.userName(), request.accessKeyId());
        }
        RotationExemption exemption = RotationExemption.of(target.id(), request, caller.name(), now);
        exemption.persist();
        audit.record(new AuditEntry("rotation.exemption-created", null, caller.name(), null, null, now,
                describe(exemption), exemption.account));
        return ExemptionView.of(exemption, now);
    }

    /** Every exemption, or those of one account, expired ones too (marked inactive), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ExemptionView> list(String account, Paging paging, UriInfo uri) {
        Instant now = clock.instant();
        return KeysetQuery.<RotationExemption>newestFirst("createdAt", "id", UUID::fromString,
                        e -> new Cursor(e.createdAt, e.id.toString()))
                .where("account = :account", "account", account == null ? null : accounts.get(account).id())
                .page(paging, (query, sort, parameters) -> RotationExemption.find(query, sort, parameters),
                        e -> ExemptionView.of(e, now), uri);
    }

    /** Ends an exemption before its expiry. */
    @Transactional
    public void delete(UUID id, Caller caller) {
        RotationExemption exemption = RotationExemption.findById(id);
        if (exemption == null) {
            throw StewardException.notFound("Exemption", id);
        }
        exemption.delete();
        audit.record(new AuditEntry("rotation.exemption-deleted", null, caller.name(), null, null, clock.instant(),
                describe(exemption), exemption.account));
    }

    /** The exemptions in force now, for one sweep. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<RotationExemption> active() {
        return RotationExemption.list("expiresAt > ?1", clock.instant());
    }

    private static String describe(RotationExemption e) {
        return "exemption " + e.id + " of " + (e.accessKeyId == null ? "every key" : "key " + e.accessKeyId)
                + " of " + e.userName + " in account " + e.account + ", owned by " + e.owner + ", until "
                + e.expiresAt + ": " + e.reason;
    }

    private static boolean managed(TargetAccount target, String userName) {
        return target.directory().findUser(userName).filter(u -> u.path().startsWith(target.managedPath()))
                .isPresent();
    }
}
