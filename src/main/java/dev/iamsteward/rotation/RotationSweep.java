package dev.iamsteward.rotation;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.CredentialReport;
import dev.iamsteward.iam.TargetAccount;
import dev.iamsteward.iam.TargetAccounts;
import dev.iamsteward.posture.CredentialReports;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rotation sweep: finds due keys in each target account's credential report (two IAM calls per account),
 * starts a rotation for each (one ListAccessKeys for each due key's user), then moves every rotation in progress one
 * step. The clustered scheduler fires it on one replica at a time; each rotation's step runs in its own
 * transaction, and should two sweeps still overlap, one rotation per old key (a unique column) and the rotation's
 * row lock keep every step to one request.
 */
@ApplicationScoped
public class RotationSweep {

    private final CredentialReports reports;
    private final TargetAccounts accounts;
    private final RotationConfig config;
    private final RotationSteps steps;
    private final Clock clock;

    RotationSweep(CredentialReports reports, TargetAccounts accounts, RotationConfig config, RotationSteps steps,
            Clock clock) {
        this.reports = reports;
        this.accounts = accounts;
        this.config = config;
        this.steps = steps;
        this.clock = clock;
    }

    /** What one sweep did: rotations started and rotations moved a step. */
    public record Result(int started, int moved) {
    }

    /** Reads every account's report, starts the rotations of their due keys, then moves every rotation a step. */
    public Result sweep() {
        Map<TargetAccount, CredentialReport> reportsByAccount = new LinkedHashMap<>();
        accounts.all().forEach(target -> reportsByAccount.put(target, reports.latest(target)));
        return new Result(startAll(reportsByAccount), advance());
    }

    private int startAll(Map<TargetAccount, CredentialReport> reportsByAccount) {
        Set<String> knownKeys = new HashSet<>(QuarkusTransaction.requiringNew().call(() -> KeyRotation
                .<KeyRotation>listAll().stream().map(r -> r.account + "|" + r.userName + "|" + r.oldKeyMadeAt)
                .toList()));
        int started = 0;
        for (Map.Entry<TargetAccount, CredentialReport> e : reportsByAccount.entrySet()) {
            started += start(e.getKey(), e.getValue(), knownKeys);
        }
        return started;
    }

    private int start(TargetAccount target, CredentialReport report, Set<String> knownKeys) {
        Instant now = clock.instant();
        Instant dueBefore = now.minus(config.maxAge());
        int started = 0;
        for (CredentialReport.Row row : report.users()) {
            if (!row.path().startsWith(target.managedPath())) {
                continue;
            }
            for (CredentialReport.KeySlot key : row.keys()) {
                if (key.active() && key.lastRotated().isBefore(dueBefore)
                        && !knownKeys.contains(target.id() + "|" + row.user() + "|" + key.lastRotated())) {
                    started += startOne(target, row.user(), key.lastRotated()) ? 1 : 0;
                }
            }
        }
        return started;
    }

    private boolean startOne(TargetAccount target, String userName, Instant madeAt) {
        Optional<AccessKey> old = target.directory().listAccessKeys(userName).stream()
                .filter(k -> k.createDate().truncatedTo(ChronoUnit.SECONDS).equals(madeAt)).findFirst();
        if (old.isEmpty()) {
            return false;
        }
        return guarded(null, () -> QuarkusTransaction.requiringNew()
                .run(() -> steps.start(target.id(), userName, old.get())));
    }

    private int advance() {
        List<UUID> open = QuarkusTransaction.requiringNew().call(() -> KeyRotation.<KeyRotation>list(
                "status not in ?1", List.of(RotationStatus.DONE, RotationStatus.FAILED, RotationStatus.ROLLED_BACK))
                .stream().map(r -> r.id).toList());
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
