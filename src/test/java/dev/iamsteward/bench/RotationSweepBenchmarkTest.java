package dev.iamsteward.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamsteward.account.IamConfig;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.iam.memory.IamCall;
import dev.iamsteward.iam.memory.InMemoryIamAccount;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.request.RequestPlanner;
import dev.iamsteward.rotation.RotationConfig;
import dev.iamsteward.rotation.RotationSweep;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a timed test: seeds 5,000 managed users whose keys have random (seeded) ages in the in-memory IAM, runs
 * the real rotation sweep twice, and reports each sweep's wall time, the IAM calls it made by operation and the
 * rows it wrote, on stdout and in {@code target/benchmark/rotation-sweep.txt}. Excluded from the normal build;
 * run it with {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups=}.
 */
@QuarkusTest
@Tag("benchmark")
class RotationSweepBenchmarkTest {

    private static final int USERS = 5_000;
    private static final long SEED = 20_240_501L;
    private static final int MAX_AGE_DAYS = 400;
    private static final double SECOND_KEY = 0.3;
    private static final List<String> TABLES = List.of("key_rotation", "access_request", "decision",
            "execution_job", "audit_event", "secret_delivery", "notification", "finding");

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    InMemoryIamAccount account;

    @Inject
    RotationSweep sweep;

    @Inject
    RotationConfig rotation;

    @Inject
    IamConfig iamConfig;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Test
    void oneSweepOverFiveThousandUsers() throws IOException {
        long due = seed();
        StringBuilder report = new StringBuilder();
        report.append("Rotation sweep over ").append(USERS).append(" managed users (seed ").append(SEED)
                .append("), ").append(due).append(" active keys older than ")
                .append(rotation.maxAge().toDays()).append(" days")
                .append("; ").append(Runtime.getRuntime().availableProcessors()).append(" cores, JDK ")
                .append(System.getProperty("java.version")).append('\n');
        RotationSweep.Result first = measure("first sweep (finds the due keys, files their first steps)", report);
        assertEquals(due, first.started(), "every due key's rotation starts");
        measure("second sweep (every rotation waits for its step's request)", report);
        System.out.print(report);
        Path out = Path.of("target", "benchmark", "rotation-sweep.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Returns how many keys are due. */
    private long seed() {
        Random random = new Random(SEED);
        Instant now = clock.instant();
        Instant dueBefore = now.minus(rotation.maxAge());
        Attribution outside = new Attribution(UUID.randomUUID(), "seed", List.of());
        long due = 0;
        for (int i = 0; i < USERS; i++) {
            String user = "bench-" + i;
            iam.createUser(new NewUser(user, iamConfig.managedPath(), iamConfig.permissionsBoundaryArn().orElseThrow(),
                    Map.of(RequestPlanner.OWNER_TAG, "alice")), outside);
            long firstAge = random.nextLong(Duration.ofDays(MAX_AGE_DAYS).toSeconds());
            Instant made = now.minusSeconds(firstAge);
            iam.addAccessKeyMadeAt(user, made);
            due += made.isBefore(dueBefore) ? 1 : 0;
            if (random.nextDouble() < SECOND_KEY) {
                Instant second = now.minusSeconds(random.nextLong(firstAge + 1));
                iam.addAccessKeyMadeAt(user, second);
                due += second.isBefore(dueBefore) ? 1 : 0;
            }
        }
        return due;
    }

    private RotationSweep.Result measure(String what, StringBuilder report) {
        account.reset();
        Map<String, Long> rowsBefore = rows();
        int callsBefore = iam.calls().size();
        long start = System.nanoTime();
        RotationSweep.Result result = sweep.sweep();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        List<IamCall> calls = iam.calls().subList(callsBefore, iam.calls().size());
        Map<String, Long> rowsAfter = rows();
        report.append(what).append(": ").append(millis).append(" ms, ").append(result.started())
                .append(" rotations started, ").append(result.moved()).append(" moved\n");
        Map<String, Long> byOperation = calls.stream()
                .collect(Collectors.groupingBy(IamCall::operation, TreeMap::new, Collectors.counting()));
        report.append("  IAM calls (").append(calls.size()).append("): ").append(byOperation).append('\n');
        Map<String, Long> written = new LinkedHashMap<>();
        TABLES.forEach(t -> written.put(t, rowsAfter.get(t) - rowsBefore.get(t)));
        report.append("  rows written (").append(written.values().stream().mapToLong(Long::longValue).sum())
                .append("): ").append(written).append('\n');
        return result;
    }

    private Map<String, Long> rows() {
        return QuarkusTransaction.requiringNew().call(() -> TABLES.stream().collect(Collectors.toMap(
                Function.identity(), t -> ((Number) em.createNativeQuery("select count(*) from " + t)
                        .getSingleResult()).longValue(), (a, b) -> a, LinkedHashMap::new)));
    }
}
