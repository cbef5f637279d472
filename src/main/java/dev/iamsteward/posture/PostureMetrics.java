package dev.iamsteward.posture;

import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.iam.CredentialReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The posture gauges: active access keys by age, per target account from the last credential report of that
 * account a scan or sweep read, and open
 * findings by kind and severity, as the last scan recorded them. Both are held here and refreshed by those
 * scans, so a scrape never reads IAM or the database.
 */
@Startup
@ApplicationScoped
public class PostureMetrics {

    private final List<Duration> bounds;
    private final Map<String, List<AtomicLong>> keysByAge = new HashMap<>();
    /** By kind and severity: each kind's usual severity from the start, any other once a finding has it. */
    private final Map<String, AtomicLong> openFindings = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    PostureMetrics(PostureConfig config, TargetAccounts accounts, MeterRegistry registry) {
        this.registry = registry;
        this.bounds = config.keyAgeBuckets().stream().sorted().toList();
        for (String account : accounts.ids()) {
            List<AtomicLong> buckets = new ArrayList<>();
            for (int i = 0; i <= bounds.size(); i++) {
                buckets.add(registry.gauge("steward.access.keys", List.of(Tag.of("account", account),
                        Tag.of("bucket", label(i))), new AtomicLong()));
            }
            keysByAge.put(account, buckets);
        }
        for (FindingKind kind : FindingKind.values()) {
            openFindings(kind.name(), kind.severity().name());
        }
        refreshOpenFindings();
    }

    /** Counts the account's report's active keys into the age buckets, as of {@code now}. */
    void reportRead(String account, CredentialReport report, Instant now) {
        long[] counts = new long[bounds.size() + 1];
        for (CredentialReport.Row row : report.users()) {
            for (CredentialReport.KeySlot key : row.keys()) {
                if (key.active()) {
                    counts[bucket(Duration.between(key.lastRotated(), now))]++;
                }
            }
        }
        for (int i = 0; i < counts.length; i++) {
            keysByAge.get(account).get(i).set(counts[i]);
        }
    }

    /** Reads the open findings' counts again: at start, and after each scan has recorded what it saw. */
    void refreshOpenFindings() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> Finding.getEntityManager().createQuery(
                "select f.kind, f.severity, count(f) from Finding f where f.status = :open group by f.kind, "
                        + "f.severity", Object[].class).setParameter("open", FindingStatus.OPEN).getResultList());
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(row -> {
            openFindings(row[0].toString(), row[1].toString());
            counts.put(row[0] + "|" + row[1], (Long) row[2]);
        });
        openFindings.forEach((key, gauge) -> gauge.set(counts.getOrDefault(key, 0L)));
    }

    private void openFindings(String kind, String severity) {
        openFindings.computeIfAbsent(kind + "|" + severity, key -> registry.gauge("steward.findings.open", List.of(
                Tag.of("kind", kind), Tag.of("severity", severity)), new AtomicLong()));
    }

    private int bucket(Duration age) {
        int i = 0;
        while (i < bounds.size() && age.compareTo(bounds.get(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** "0-30d", "30-90d", …, "180d+". */
    private String label(int i) {
        String from = i == 0 ? "0" : Long.toString(bounds.get(i - 1).toDays());
        return i == bounds.size() ? from + "d+" : from + "-" + bounds.get(i).toDays() + "d";
    }
}
