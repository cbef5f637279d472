package dev.iamsteward.rotation;

import dev.iamsteward.account.TargetAccount;
import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.CredentialReport;
import dev.iamsteward.posture.CredentialReports;
import dev.iamsteward.request.KnownUser;
import dev.iamsteward.request.Requests;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rotation sweep: finds candidate keys in each target account's credential report (two IAM calls per account)
 * by the smallest max-age of all policies, chooses each candidate user's policy (reading tags or groups only when a
 * policy matches on them), starts a rotation for each key its policy finds due (one ListAccessKeys per user, the
 * owner from the service's own records rather than a GetUser), then moves every rotation in progress one step.
 * The clustered scheduler fires it on one replica at a time; each rotation's step runs in its own transaction, and
 * should two sweeps still overlap, one rotation under way per old key (a partial unique index) and the rotation's row
 * lock keep every step to one request.
 */
@ApplicationScoped
public class RotationSweep {

    private final CredentialReports reports;
    private final TargetAccounts accounts;
    private final RotationConfig config;
    private final RotationPolicies policies;
    private final RotationSteps steps;
    private final RotationExemptions exemptions;
    private final Clock clock;

    RotationSweep(CredentialReports reports, TargetAccounts accounts, RotationConfig config,
            RotationPolicies policies, RotationSteps steps, RotationExemptions exemptions, Clock clock) {
        this.reports = reports;
        this.accounts = accounts;
        this.config = config;
        this.policies = policies;
        this.steps = steps;
        this.exemptions = exemptions;
        this.clock = clock;
    }

    /** What one sweep did ({@code exempt}: due keys left alone under an exemption). */
    public record Result(int started, int moved, int exempt) {
    }

    /** What the start phase did: the rotations it started, and how many due keys were exempt. */
    private static final class Tally {
        final Set<UUID> started = new HashSet<>();
        int exempt;
    }

    public Result sweep() {
        Set<String> knownKeys = new HashSet<>(QuarkusTransaction.requiringNew().call(RotationSweep::rotatedKeys));
        List<RotationExemption> inForce = exemptions.active();
        Tally tally = new Tally();
        RuntimeException failure = null;
        for (TargetAccount target : accounts.all()) {
            try {
                start(target, reports.latest(target), knownKeys, inForce, tally);
            } catch (RuntimeException e) {
                Log.warnf("Rotation sweep: account %s: %s; its due keys wait for the next sweep", target.id(),
                        e.getMessage());
                failure = failure == null ? e : failure;
            }
        }
        if (tally.exempt > 0) {
            Log.infof("Rotation sweep: %d due keys are exempt from rotation", tally.exempt);
        }
        Result result = new Result(tally.started.size(), advance(tally.started), tally.exempt);
        if (failure != null) {
            // Every other account was started and every open rotation moved; the failure is still the sweep's.
            throw failure;
        }
        return result;
    }

    /**
     * Moves every open rotation on by one step without starting any: with automatic rotation off, rotations
     * ordered by ROTATE_ACCESS_KEY requests still proceed.
     */
    public int advanceOpen() {
        return advance(Set.of());
    }

    /**
     * Every key that ever had a rotation, by account, user and the key's creation second (the report's only name
     * for a key). The sweep starts a key once: one that was rolled back, failed, or rotated on demand is not
     * started again by itself, though an explicit ROTATE_ACCESS_KEY may rotate it again.
     */
    private static List<String> rotatedKeys() {
        return KeyRotation.getEntityManager().createQuery("select distinct r.account, r.userName, r.oldKeyMadeAt "
                + "from KeyRotation r", Object[].class).getResultStream()
                .map(row -> row[0] + "|" + row[1] + "|" + row[2]).toList();
    }

    /** Starts the rotations of due keys that no exemption in force covers. */
    private void start(TargetAccount target, CredentialReport report, Set<String> knownKeys,
            List<RotationExemption> inForce, Tally tally) {
        Instant now = clock.instant();
        Instant dueBefore = now.minus(policies.smallestMaxAge());
        for (CredentialReport.Row row : report.users()) {
            if (!row.path().startsWith(target.managedPath())) {
                continue;
            }
            List<CredentialReport.KeySlot> candidates = row.keys().stream().filter(key -> key.active()
                    && key.lastRotated().isBefore(dueBefore)
                    && !knownKeys.contains(target.id() + "|" + row.user() + "|" + key.lastRotated())).toList();
            if (!candidates.isEmpty()) {
                startDue(target, row, candidates, now, inForce, tally);
            }
        }
    }

    /** Chooses the user's policy (reading tags or groups only if a policy needs them) and starts its due keys. */
    private void startDue(TargetAccount target, CredentialReport.Row row, List<CredentialReport.KeySlot> candidates,
            Instant now, List<RotationExemption> inForce, Tally tally) {
        RotationPolicy policy;
        try {
            policy = policies.choose(new UserFacts(target, row.user(), row.path()));
        } catch (RuntimeException e) {
            Log.warnf("Rotation of %s's keys: the policy could not be chosen (%s); the next sweep tries again",
                    row.user(), e.getMessage());
            return;
        }
        List<Instant> due = candidates.stream().map(CredentialReport.KeySlot::lastRotated)
                .filter(madeAt -> madeAt.isBefore(now.minus(policy.maxAge()))).toList();
        if (due.isEmpty()) {
            return;
        }
        if (inForce.stream().anyMatch(e -> e.accessKeyId == null && e.covers(target.id(), row.user(), null))) {
            tally.exempt += due.size();
            return;
        }
        // One listing for all the user's due keys; the owner comes from the service's own records.
        List<AccessKey> keys = target.directory().listAccessKeys(row.user());
        KnownUser known = knownOwner(target.id(), row.user()).map(owner -> new KnownUser(row.arn(), owner, keys))
                .orElse(null);
        for (Instant madeAt : due) {
            startOne(target, row.user(), madeAt, keys, known, policy, inForce, tally);
        }
    }

    /**
     * Finds the key by its creation date (the report has no key ids) in the user's listing and starts its
     * rotation from it, which is as fresh as a second listing would be: the execution's plan check re-reads IAM.
     */
    private void startOne(TargetAccount target, String userName, Instant madeAt, List<AccessKey> keys, KnownUser known,
            RotationPolicy policy, List<RotationExemption> inForce, Tally tally) {
        Optional<AccessKey> old = keys.stream()
                .filter(k -> k.createDate().truncatedTo(ChronoUnit.SECONDS).equals(madeAt)).findFirst();
        if (old.isEmpty()) {
            return;
        }
        if (inForce.stream().anyMatch(e -> e.covers(target.id(), userName, old.get().accessKeyId()))) {
            tally.exempt++;
            return;
        }
        guarded(null, () -> tally.started.add(QuarkusTransaction.requiringNew()
                .call(() -> steps.start(target.id(), userName, old.get(), keys, policy, null, known))));
    }

    /**
     * The user's owner as the service last saw it: the latest request for the user that succeeded and named one
     * (its creation, or any request whose plan read the owner tag). None for a user the service never acted on.
     */
    private static Optional<String> knownOwner(String account, String userName) {
        return QuarkusTransaction.requiringNew().call(() -> Requests.lastKnownOwner(account, userName));
    }

    /**
     * Moves every open rotation of a configured account one step, except those this sweep has just started from a
     * fresh listing; a removed account's rotations wait, untouched, until it is configured again.
     */
    private int advance(Set<UUID> justStarted) {
        List<UUID> open = QuarkusTransaction.requiringNew().call(() -> KeyRotation.<KeyRotation>list(
                "status not in ?1 and account in ?2", RotationStatus.SETTLED, accounts.ids())
                .stream().map(r -> r.id).filter(id -> !justStarted.contains(id)).toList());
        int moved = 0;
        for (UUID id : open) {
            moved += guarded(id, () -> QuarkusTransaction.requiringNew().run(() -> steps.advance(id))) ? 1 : 0;
        }
        return moved;
    }

    /** One rotation's trouble stays with it: the request it would file was refused, or IAM failed. */
    private boolean guarded(UUID rotationId, Runnable step) {
        try {
            step.run();
            return true;
        } catch (RuntimeException e) {
            Log.warnf("Rotation %s: %s; the next sweep tries again", rotationId == null ? "start" : rotationId,
                    e.getMessage());
            return false;
        }
    }
}
