package dev.iamsteward.posture;

import dev.iamsteward.audit.AuditEntry;
import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.execution.IssuedCredentials;
import dev.iamsteward.execution.IssuedCredentials.Expected;
import dev.iamsteward.iam.AccountSummary;
import dev.iamsteward.iam.CredentialReport;
import dev.iamsteward.iam.IamAccount;
import dev.iamsteward.iam.IamConfig;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.RequestStatus;
import dev.iamsteward.request.RequestType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scans the account's posture: reads the account summary and the credential report (outside any
 * transaction), then records in one transaction what is found, seen again or no longer there.
 */
@ApplicationScoped
public class PostureScan {

    /** Serialises the recording of scans across replicas; each records what its own report showed. */
    private static final long LOCK = 0x706f7374757265L;
    private static final int IN_BATCH = 1000;

    private final IamAccount account;
    private final CredentialReports reports;
    private final PostureRules rules;
    private final AuditLog audit;
    private final PostureMetrics metrics;
    private final Event<FindingOpened> openings;
    private final IssuedCredentials issued;
    private final Clock clock;

    PostureScan(IamAccount account, CredentialReports reports, PostureConfig config, IamConfig iam, AuditLog audit,
            PostureMetrics metrics, Event<FindingOpened> openings, IssuedCredentials issued, Clock clock) {
        this.account = account;
        this.reports = reports;
        this.rules = new PostureRules(config, iam.managedPath());
        this.audit = audit;
        this.metrics = metrics;
        this.openings = openings;
        this.issued = issued;
        this.clock = clock;
    }

    /** Scans now; IAM failures propagate, and nothing is recorded then. */
    public ScanResult scan(String actor) {
        AccountSummary summary = account.accountSummary();
        CredentialReport report = reports.latest();
        Set<String> created = QuarkusTransaction.requiringNew().call(PostureScan::createdUsers);
        Map<String, Expected> issued = QuarkusTransaction.requiringNew().call(this.issued::expected);
        List<Observation> seen = rules.observe(summary, report, created, issued, clock.instant());
        ScanResult result = QuarkusTransaction.requiringNew().call(() -> record(seen, report.generatedAt(), actor));
        metrics.refreshOpenFindings();
        return result;
    }

    private ScanResult record(List<Observation> seen, Instant generatedAt, String actor) {
        Finding.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK)
                .getSingleResult();
        Instant now = clock.instant();
        Map<String, Finding> known = known(seen);
        int opened = 0;
        int again = 0;
        Set<String> fingerprints = new HashSet<>();
        for (Observation observation : seen) {
            if (!fingerprints.add(observation.fingerprint())) {
                continue;
            }
            if (track(observation, known.get(observation.fingerprint()), now)) {
                opened++;
            } else {
                again++;
            }
        }
        int resolved = 0;
        for (Finding open : Finding.<Finding>list("status", FindingStatus.OPEN)) {
            if (!fingerprints.contains(open.fingerprint)) {
                open.resolve(now);
                resolved++;
            }
        }
        long stillOpen = opened + again;
        audit.record(new AuditEntry("posture.scanned", null, actor, null, null, now, "report of " + generatedAt
                + ": " + opened + " opened, " + again + " seen again, " + resolved + " resolved"));
        return new ScanResult(generatedAt, opened, again, resolved, stillOpen);
    }

    /**
     * Opens the finding an observation is, or marks it seen again; true when it opened. A finding that opens,
     * new or back after it was resolved, is announced to observers in this transaction.
     */
    private boolean track(Observation observation, Finding known, Instant now) {
        if (known == null) {
            Finding finding = Finding.open(observation, now);
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
    private static Map<String, Finding> known(List<Observation> seen) {
        List<String> fingerprints = seen.stream().map(Observation::fingerprint).distinct().toList();
        Map<String, Finding> known = new HashMap<>();
        for (int from = 0; from < fingerprints.size(); from += IN_BATCH) {
            List<String> batch = fingerprints.subList(from, Math.min(fingerprints.size(), from + IN_BATCH));
            known.putAll(Finding.<Finding>list("fingerprint in ?1", batch).stream()
                    .collect(Collectors.toMap(f -> f.fingerprint, Function.identity())));
        }
        return known;
    }

    /** Users a request of this service created; a managed user not among them was made some other way. */
    private static Set<String> createdUsers() {
        return Set.copyOf(AccessRequest.getEntityManager().createQuery("select distinct lower(r.userName) from "
                + "AccessRequest r where r.type = :type and r.status = :status", String.class)
                .setParameter("type", RequestType.CREATE_USER).setParameter("status", RequestStatus.SUCCEEDED)
                .getResultList());
    }
}
