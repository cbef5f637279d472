package dev.iamsteward.request;

import dev.iamsteward.account.Organization;
import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.credential.DeliveryService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The work time does to requests: pending requests nobody decided expire, and time-bound access ends with a
 * request the service files and approves under its own rule (a root password recovery window with the deletion of
 * the root user's credentials, saying what it found). Each request is handled in its own transaction under a row
 * lock, so replicas sweeping together do each thing once.
 */
@ApplicationScoped
public class RequestSweeps {

    private static final int BATCH = 100;

    private final RequestService requests;
    private final DeliveryService deliveries;
    private final AuditLog audit;
    private final TargetAccounts accounts;
    private final Organization organization;
    private final Clock clock;

    RequestSweeps(RequestService requests, DeliveryService deliveries, AuditLog audit, TargetAccounts accounts,
            Organization organization, Clock clock) {
        this.organization = organization;
        this.requests = requests;
        this.accounts = accounts;
        this.deliveries = deliveries;
        this.audit = audit;
        this.clock = clock;
    }

    /** Expires pending requests past their time; returns how many. */
    public int expirePending() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> AccessRequest.<AccessRequest>find(
                "status = ?1 and pendingUntil <= ?2", RequestStatus.PENDING_APPROVAL, clock.instant())
                .page(0, BATCH).stream().map(r -> r.id).toList());
        int expired = 0;
        for (UUID id : due) {
            expired += QuarkusTransaction.requiringNew().call(() -> {
                AccessRequest request = AccessRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
                if (!request.pendingExpired(clock.instant())) {
                    return 0;
                }
                audit.record(request.expire(clock.instant()).audit("request.expired"));
                return 1;
            });
        }
        return expired;
    }

    /**
     * Files the request that ends each user's or key's access whose time is up; returns how many. Access in an
     * account no longer configured is out of reach, not over: it waits, unmarked, until the account is back. A root
     * password recovery window needs only the organization, so it ends whatever account it was recorded under.
     */
    public int endTimeBoundAccess() {
        // A root password recovery window also ends when its request failed (the password may have been made before
        // the failure), and is ended again when the deletion filed for it failed. Windows of accounts that are not
        // configured members now fail every run: they come last, so that they never crowd the others out of a batch.
        List<String> members = organization.configured() ? organization.members() : List.of();
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> AccessRequest.<AccessRequest>find(
                "account in ?4 and status = ?1 and expiryHandledAt is null and (expiresAt <= ?2 and type in ?3 "
                        + "or breakGlass.until <= ?2 and type in ?5) "
                        + "or type = ?6 and expiresAt <= ?2 and (status in (?1, ?7) and expiryHandledAt is null "
                        + "or expiryRequestId in (select d.id from AccessRequest d where d.status = ?7)) "
                        + "order by case when type = ?6 and userName not in ?8 then 1 else 0 end, id",
                RequestStatus.SUCCEEDED, clock.instant(),
                List.of(RequestType.CREATE_USER, RequestType.CREATE_ACCESS_KEY,
                        RequestType.ALLOW_ROOT_PASSWORD_RECOVERY), accounts.ids(),
                BreakGlassUse.timeBound(), RequestType.ALLOW_ROOT_PASSWORD_RECOVERY, RequestStatus.FAILED,
                members.isEmpty() ? List.of("") : members)
                .page(0, BATCH).stream().map(r -> r.id).toList());
        int filed = 0;
        for (UUID id : due) {
            try {
                filed += QuarkusTransaction.requiringNew().call(() -> endAccess(id)) ? 1 : 0;
            } catch (StewardException e) {
                if (e.kind().status() < 500) {
                    QuarkusTransaction.requiringNew().run(() -> skip(id, e.getMessage()));
                } else {
                    Log.warnf("Ending the time-bound access of request %s failed; the next sweep tries again: %s",
                            id, e.getMessage());
                }
            } catch (RuntimeException e) {
                Log.warnf("Ending the time-bound access of request %s failed; the next sweep tries again: %s",
                        id, e.toString());
            }
        }
        return filed;
    }

    private boolean endAccess(UUID sourceId) {
        AccessRequest source = AccessRequest.findById(sourceId, LockModeType.PESSIMISTIC_WRITE);
        if (source.type == RequestType.ALLOW_ROOT_PASSWORD_RECOVERY) {
            return (source.expiryHandledAt == null || deletionFailed(source)) && endRecovery(source);
        }
        if (source.expiryHandledAt != null) {
            return false;
        }
        Instant now = clock.instant();
        String reason = (source.breakGlass != null ? "break-glass " : "time-bound ") + "access granted by request "
                + source.id + " ended at " + source.accessEnds();
        RequestType type = BreakGlassUse.revocation(source.type).orElseThrow();
        String key = switch (source.type) {
            case CREATE_ACCESS_KEY -> createdKey(source).orElseThrow(() -> StewardException.invalid(
                    "the request created no access key"));
            case REACTIVATE_ACCESS_KEY -> source.accessKeyId;
            default -> null;
        };
        SubmitRequest revocation = new SubmitRequest(source.account, type, source.userName, null, null, null, key,
                source.profile, null, reason);
        AccessRequest filed = requests.submitForSystem(revocation, now);
        handled(source, filed, "filed " + revocation.type() + " request " + filed.id, now);
        return true;
    }

    /**
     * A root password recovery window ended: the root user's credentials are deleted again, and what it held then
     * (read for the deletion's plan) is said in the approval, the audit and the notifications.
     */
    private boolean endRecovery(AccessRequest source) {
        if (!organization.configured() || !organization.isMember(source.userName)) {
            // Never "nothing to end": the root user may hold a password until the member is configured again.
            throw new IllegalStateException("the root password recovery window of member account "
                    + source.userName + " ended, but it is no longer a configured member account of the "
                    + "organization; its root credentials are deleted once it is again");
        }
        Instant now = clock.instant();
        String again = source.expiryRequestId == null ? ""
                : "deletion request " + source.expiryRequestId + " failed; ";
        // Filed where root requests are recorded now, which needs no target account but that one.
        SubmitRequest deletion = new SubmitRequest(organization.recordedUnder(),
                RequestType.DELETE_ROOT_CREDENTIALS, source.userName, null, null, null, null, null, null,
                "root password recovery window of request " + source.id + " ended at " + source.expiresAt);
        AccessRequest filed = requests.submitForSystem(deletion, RequestService.TIME_BOUND_RULE, planned ->
                "recovery window ended; the root user held: " + RecoveryReport.of(source.plan, planned.plan), now,
                null);
        handled(source, filed, again + "filed DELETE_ROOT_CREDENTIALS request " + filed.id
                + "; the root user held: " + RecoveryReport.of(source.plan, filed.plan), now);
        return true;
    }

    private void handled(AccessRequest source, AccessRequest filed, String what, Instant now) {
        source.expiryHandledAt = now;
        source.expiryRequestId = filed.id;
        audit.record(new StatusChange(source.id, source.account, source.status, source.status, AccessRequest.SYSTEM,
                now, what).audit("access.expired"));
    }

    /** The deletion filed when a root password recovery window ended has failed: the window is not closed yet. */
    private static boolean deletionFailed(AccessRequest source) {
        AccessRequest deletion = source.expiryRequestId == null ? null
                : AccessRequest.findById(source.expiryRequestId);
        return deletion != null && deletion.status == RequestStatus.FAILED;
    }

    /** IAM would refuse the revocation, e.g. the user is already gone: nothing is left to end. */
    private void skip(UUID sourceId, String why) {
        AccessRequest source = AccessRequest.findById(sourceId, LockModeType.PESSIMISTIC_WRITE);
        if (source.expiryHandledAt == null || deletionFailed(source)) {
            source.expiryRequestId = null;
            source.expiryHandledAt = clock.instant();
            audit.record(new StatusChange(source.id, source.account, source.status, source.status, AccessRequest.SYSTEM,
                    source.expiryHandledAt, "nothing to end: " + why).audit("access.expiry-skipped"));
        }
    }

    private Optional<String> createdKey(AccessRequest source) {
        return deliveries.forRequest(source.id).stream().map(d -> d.label()).filter(l -> l != null).findFirst();
    }
}
