package dev.iamsteward.execution;

import dev.iamsteward.audit.AuditEntry;
import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.credential.IssuedCredential;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.Requests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Intents to make a secret-bearing credential, each committed in its own transaction before the IAM call, and the
 * record of credentials an earlier call made whose secret was lost, which the step removed.
 */
@ApplicationScoped
class CredentialIntents {

    private final AuditLog audit;
    private final Clock clock;

    CredentialIntents(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The step's intent, if an earlier attempt recorded one: some call of it may have made a credential. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<CredentialIntent> find(UUID requestId, int step) {
        return CredentialIntent.find("requestId = ?1 and step = ?2", requestId, step).firstResultOptional();
    }

    /** Commits, before the call is made, that step {@code step} is about to make a credential of this kind. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(ExecutionOrder order, int step, CredentialIntent.Kind kind) {
        CredentialIntent intent = CredentialIntent.<CredentialIntent>find("requestId = ?1 and step = ?2",
                order.requestId(), step).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseGet(() -> {
                    CredentialIntent fresh = new CredentialIntent();
                    fresh.requestId = order.requestId();
                    fresh.step = step;
                    fresh.kind = kind;
                    fresh.userName = order.userName();
                    return fresh;
                });
        intent.calls++;
        intent.recordedAt = clock.instant();
        if (intent.id == null) {
            intent.persist();
        }
    }

    /** The access keys of {@code userName} that the ledger says the service issued and has not removed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Set<String> issuedKeys(String account, String userName) {
        return IssuedCredential.<IssuedCredential>list("account = ?1 and kind = ?2 and lower(userName) = ?3",
                        account, IssuedCredential.Kind.ACCESS_KEY, userName.toLowerCase(Locale.ROOT)).stream()
                .filter(row -> row.state != IssuedCredential.State.REMOVED).map(row -> row.credential)
                .collect(Collectors.toSet());
    }

    /**
     * Audits, and notes on the request, that {@code credential} (an access key id or MFA serial, never a secret) was
     * made by an earlier call of the step whose answer never arrived, and has been removed.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void orphanRemoved(ExecutionOrder order, int step, String what, String credential) {
        Instant now = clock.instant();
        String text = what + " " + credential + " of '" + order.userName() + "' was made by an earlier call of step "
                + (step + 1) + " whose answer was lost, so its secret was never delivered; it was deactivated and "
                + "deleted before the step made a fresh one";
        AccessRequest request = Requests.lockForUpdate(order.requestId()).orElseThrow();
        request.noteBySystem(text, now);
        audit.record(new AuditEntry("execution.orphan-removed", order.requestId(), AccessRequest.SYSTEM, null, null,
                now, text, order.account()));
    }
}
