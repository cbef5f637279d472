package dev.iamsteward.posture;

import dev.iamsteward.account.TargetAccount;
import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.audit.AuditEntry;
import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.credential.CredentialLedger.Expected;
import dev.iamsteward.credential.CredentialLedger;
import dev.iamsteward.iam.AccountSummary;
import dev.iamsteward.iam.CredentialReport;
import dev.iamsteward.request.Requests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scans each target account's posture: reads its account summary and credential report (outside any
 * transaction), then records in one transaction what is found, seen again or no longer there in that account.
 */
@ApplicationScoped
public class PostureScan {

    /** What the scan of a target account's credential report opens and resolves. */
    private static final Set<FindingKind> REPORT_KINDS = EnumSet.complementOf(EnumSet.of(
            FindingKind.BREAK_GLASS_REVIEW_OVERDUE, FindingKind.MEMBER_ROOT_CREDENTIALS));
    private static final Set<FindingKind> MEMBER_ROOT_KINDS = EnumSet.of(FindingKind.MEMBER_ROOT_CREDENTIALS);

    /** Serialises the recording of scans across replicas; each records what its own report showed. */
    private static final long LOCK = 0x706f7374757265L;
    private static final int IN_BATCH = 1000;

    private final TargetAccounts accounts;
    private final CredentialReports reports;
    private final PostureConfig config;
    private final AuditLog audit;
    private final PostureMetrics metrics;
    private final Event<FindingOpened> openings;
    private final CredentialLedger issued;
    private final MemberRootAudit memberRoots;
    private final Clock clock;

    PostureScan(TargetAccounts accounts, CredentialReports reports, PostureConfig config, AuditLog audit,
            PostureMetrics metrics, Event<FindingOpened> openings, CredentialLedger issued, MemberRootAudit memberRoots,
            Clock clock) {
        this.memberRoots = memberRoots;
        this.accounts = accounts;
        this.reports = reports;
        this.config = config;
        this.audit = audit;
        this.metrics = metrics;
        this.openings = openings;
        this.issued = issued;
        this.clock = clock;
    }

    /**
     * Scans every account now, all of them even when one fails; the sum of what they found. An account whose IAM
     * fails records nothing, and its failure propagates once the others are scanned.
     */
    public ScanResult scan(String actor) {
        ScanResult total = null;
        RuntimeException failure = null;
        for (TargetAccount target : accounts.all()) {
            try {
                ScanResult one = scan(target, actor);
                total = total == null ? one : total.plus(one);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (memberRoots.configured()) {
            try {
                ScanResult roots = scanMemberRoots(actor);
                total = total == null ? roots : total.plus(roots);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        metrics.refreshOpenFindings();
        if (failure != null) {
            throw failure;
        }
        return total;
    }

    private ScanResult scan(TargetAccount target, String actor) {
        AccountSummary summary = target.account().accountSummary();
        CredentialReport report = reports.latest(target);
        Set<String> created = QuarkusTransaction.requiringNew().call(() -> createdUsers(target.id()));
        Map<String, Expected> expected = QuarkusTransaction.requiringNew().call(() -> issued.expected(target.id()));
        List<Observation> seen = new PostureRules(config, target.managedPath())
                .observe(summary, report, created, expected, clock.instant());
        return QuarkusTransaction.requiringNew().call(() -> record(target.id(), seen, report.generatedAt(), actor,
                REPORT_KINDS, "posture.scanned"));
    }

    /** The member accounts' root users, read in audit sessions, recorded under the organization's target account. */
    private ScanResult scanMemberRoots(String actor) {
        List<Observation> seen = memberRoots.observe();
        Instant at = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> record(memberRoots.recordedUnder(), seen, at, actor,
                MEMBER_ROOT_KINDS, "posture.member-roots-scanned"));
    }

    private ScanResult record(String account, List<Observation> seen, Instant generatedAt, String actor,
            Set<FindingKind> scope, String auditAction) {
        Finding.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK)
                .getSingleResult();
        Instant now = clock.instant();
        Map<String, Finding> known = known(account, seen);
        int opened = 0;
        int again = 0;
        Set<String> fingerprints = new HashSet<>();
        for (Observation observation : seen) {
            if (!fingerprints.add(observation.fingerprint())) {
                continue;
            }
            if (track(account, observation, known.get(observation.fingerprint()), now)) {
                opened++;
            } else {
                again++;
            }
        }
        int resolved = 0;
        // A scan resolves only the kinds it looks for: overdue break-glass reviews, for one, are in no report.
        for (Finding open : Finding.<Finding>list("account = ?1 and status = ?2 and kind in ?3", account,
                FindingStatus.OPEN, scope)) {
            if (!fingerprints.contains(open.fingerprint)) {
                open.resolve(now);
                resolved++;
            }
        }
        long stillOpen = opened + again;
        audit.record(new AuditEntry(auditAction, null, actor, null, null, now, "account " + account
                + ": report of " + generatedAt
                + ": " + opened + " opened, " + again + " seen again, " + resolved + " resolved", account));
        return new ScanResult(generatedAt, opened, again, resolved, stillOpen);
    }

    /**
     * Opens the finding an observation is, or marks it seen again; true when it opened. A finding that opens,
     * new or back after it was resolved, is announced to observers in this transaction.
     */
    private boolean track(String account, Observation observation, Finding known, Instant now) {
        if (known == null) {
            Finding finding = Finding.open(account, observation, now);
            finding.persist();
            openings.fire(FindingOpened.of(finding, now));
            return true;
        }
        boolean back = known.status != FindingStatus.OPEN;
        known.seen(observation, now);
        if (back) {
            openings.fire(FindingOpened.of(known, now));
        }
        return false;
    }

    /** The findings, open or resolved, that these observations are (again). */
    private static Map<String, Finding> known(String account, List<Observation> seen) {
        List<String> fingerprints = seen.stream().map(Observation::fingerprint).distinct().toList();
        Map<String, Finding> known = new HashMap<>();
        for (int from = 0; from < fingerprints.size(); from += IN_BATCH) {
            List<String> batch = fingerprints.subList(from, Math.min(fingerprints.size(), from + IN_BATCH));
            known.putAll(Finding.<Finding>list("account = ?1 and fingerprint in ?2", account, batch).stream()
                    .collect(Collectors.toMap(f -> f.fingerprint, Function.identity())));
        }
        return known;
    }

    /** Users a request of this service created; a managed user not among them was made some other way. */
    private static Set<String> createdUsers(String account) {
        return Requests.createdUsers(account);
    }
}
