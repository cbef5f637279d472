package dev.iamsteward.posture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.credential.CredentialLedger.Expected;
import dev.iamsteward.credential.IssuedCredential.State;
import dev.iamsteward.iam.AccountSummary;
import dev.iamsteward.iam.CredentialReport;
import dev.iamsteward.iam.CredentialReportCsv;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The findings a crafted credential report and account summary give, without IAM or a database. */
class PostureRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String HEADER = String.join(",", CredentialReportCsv.COLUMNS);
    private static final String ROOT_USED_AND_KEYED = "<root_account>,arn:aws:iam::123456789012:root,"
            + "2019-05-01T09:00:00+00:00,not_supported,2026-02-27T08:15:00+00:00,not_supported,not_supported,false,"
            + "true,2019-05-02T10:00:00+00:00,2025-01-01T00:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,"
            + "false,N/A";
    private static final String ROOT_QUIET = "<root_account>,arn:aws:iam::123456789012:root,"
            + "2019-05-01T09:00:00+00:00,not_supported,2025-01-01T00:00:00+00:00,not_supported,not_supported,true,"
            + "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
    /** ann: console without MFA, a 200-day-old key used yesterday, a 100-day-old key never used; made here. */
    private static final String ANN = "ann,arn:aws:iam::123456789012:user/iam-steward/ann,2025-01-01T00:00:00+00:00,"
            + "true,no_information,2025-01-01T00:00:00+00:00,N/A,false,true,2025-08-13T12:00:00+00:00,"
            + "2026-02-28T12:00:00+00:00,us-east-1,s3,true,2025-11-21T12:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A";
    /** zed: under the managed path, no request made him, a fresh key and MFA on; outside: not managed at all. */
    private static final String ZED = "zed,arn:aws:iam::123456789012:user/iam-steward/zed,2026-02-01T00:00:00+00:00,"
            + "true,2026-02-27T00:00:00+00:00,2026-02-01T00:00:00+00:00,N/A,true,true,2026-02-01T00:00:00+00:00,"
            + "2026-02-28T00:00:00+00:00,us-east-1,ec2,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
    private static final String OUTSIDE = "ops,arn:aws:iam::123456789012:user/ops,2026-02-01T00:00:00+00:00,false,"
            + "N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";

    private final PostureRules rules = new PostureRules(config(), "/iam-steward/");

    @Test
    void aRootUserWithKeysWithoutMfaAndUsedRecentlyGivesThreeRootFindings() {
        List<Observation> seen = rules.observe(summary(false, true), report(ROOT_USED_AND_KEYED), Set.of(), Map.of(),
                NOW);

        assertEquals(List.of(FindingKind.ROOT_ACCESS_KEYS, FindingKind.ROOT_MFA_DISABLED,
                FindingKind.ROOT_RECENTLY_USED), seen.stream().map(Observation::kind).toList());
        assertTrue(seen.stream().allMatch(o -> o.subject().equals("root")));
        assertEquals("2026-02-27T08:15:00+00:00", seen.get(2).evidence().get("password_last_used"));
        assertEquals("true", seen.get(0).evidence().get("access_key_1_active"));
    }

    @Test
    void aQuietRootWithMfaAndNoKeysGivesNothing() {
        assertEquals(List.of(), rules.observe(summary(true, false), report(ROOT_QUIET), Set.of(), Map.of(), NOW));
    }

    @Test
    void withoutARootRowTheSummaryStillShowsRootKeysAndMfa() {
        List<Observation> seen = rules.observe(summary(false, true), report(), Set.of(), Map.of(), NOW);

        assertEquals(List.of(FindingKind.ROOT_ACCESS_KEYS, FindingKind.ROOT_MFA_DISABLED),
                seen.stream().map(Observation::kind).toList());
        assertEquals(Map.of("AccountMFAEnabled", "0"), seen.get(1).evidence());
    }

    @Test
    void usersGiveConsoleKeyAndDriftFindingsEachWithItsEvidence() {
        List<Observation> seen = rules.observe(summary(true, false), report(ROOT_QUIET, ANN, ZED, OUTSIDE),
                Set.of("ann"), Map.of(), NOW);

        assertEquals(Set.of("CONSOLE_WITHOUT_MFA user:ann", "KEY_TOO_OLD key:ann:2025-08-13T12:00:00Z",
                "KEY_UNUSED key:ann:2025-11-21T12:00:00Z", "KEY_TOO_OLD key:ann:2025-11-21T12:00:00Z",
                "UNMANAGED_USER user:zed"), seen.stream().map(o -> o.kind() + " " + o.subject())
                .collect(Collectors.toSet()));
        assertEquals(5, seen.size(), "zed's fresh, used key and the unmanaged ops user give nothing more");
        Observation unused = seen.stream().filter(o -> o.kind() == FindingKind.KEY_UNUSED).findFirst().orElseThrow();
        assertEquals("N/A", unused.evidence().get("access_key_2_last_used_date"));
        assertEquals("PT2160H", unused.evidence().get("unusedFor"));
        assertEquals("ann", unused.userName());
    }

    @Test
    void aKeyMadeOutsideAndMfaRemovedOutsideAreDriftOfAUserTheServiceCreated() {
        Expected issued = new Expected(Map.of(Instant.parse("2025-08-13T12:00:00Z"), State.ACTIVE), true, true,
                Instant.parse("2026-01-01T00:00:00Z"));

        List<Observation> drift = drift(rules.observe(summary(true, false), report(ANN), Set.of("ann"),
                Map.of("ann", issued), NOW));

        assertEquals(List.of("DRIFTED_ACCESS_KEY key:ann:2025-11-21T12:00:00Z HIGH", "DRIFTED_USER user:ann MEDIUM"),
                drift.stream().map(o -> o.kind() + " " + o.subject() + " " + o.severity()).toList());
        assertTrue(drift.get(0).evidence().get("differences").contains("made outside IAM Steward"));
        assertEquals("2025-11-21T12:00:00+00:00", drift.get(0).evidence().get("access_key_2_last_rotated"));
        assertEquals("the MFA device IAM Steward enrolled was removed outside IAM Steward",
                drift.get(1).evidence().get("differences"));
    }

    @Test
    void consoleGivenOutsideIsHighAndAKeyDeletedOutsideIsNamed() {
        Expected issued = new Expected(Map.of(Instant.parse("2025-08-13T12:00:00Z"), State.ACTIVE,
                Instant.parse("2025-11-21T12:00:00Z"), State.ACTIVE, Instant.parse("2026-01-05T00:00:00Z"),
                State.INACTIVE), false, false, Instant.parse("2026-01-05T00:00:00Z"));

        List<Observation> drift = drift(rules.observe(summary(true, false), report(ANN), Set.of("ann"),
                Map.of("ann", issued), NOW));

        assertEquals(1, drift.size(), "both keys in the report are the service's own: " + drift);
        assertEquals(Severity.HIGH, drift.get(0).severity());
        assertEquals("the key IAM Steward made at 2026-01-05T00:00:00Z was deleted outside IAM Steward; console "
                + "access was given outside IAM Steward", drift.get(0).evidence().get("differences"));
    }

    @Test
    void aReportOlderThanTheServicesLastChangeShowsNoDrift() {
        Expected issued = new Expected(Map.of(), false, false, NOW.plusSeconds(1));

        assertEquals(List.of(), drift(rules.observe(summary(true, false), report(ANN), Set.of("ann"),
                Map.of("ann", issued), NOW)), "the report cannot show the service's last change yet");
    }

    private static List<Observation> drift(List<Observation> seen) {
        return seen.stream().filter(o -> o.kind().name().startsWith("DRIFTED")).toList();
    }

    private static CredentialReport report(String... rows) {
        return CredentialReportCsv.parse(HEADER + "\n" + String.join("\n", rows), NOW);
    }

    private static AccountSummary summary(boolean rootMfa, boolean rootKeys) {
        return AccountSummary.of(Map.of("AccountMFAEnabled", rootMfa ? 1 : 0, "AccountAccessKeysPresent",
                rootKeys ? 1 : 0, "Users", 3));
    }

    static PostureConfig config() {
        return new PostureConfig() {
            @Override
            public Duration maxAge() {
                return Duration.ofDays(90);
            }

            @Override
            public Duration unusedFor() {
                return Duration.ofDays(90);
            }

            @Override
            public Duration rootUsedWithin() {
                return Duration.ofDays(30);
            }

            @Override
            public Duration scanInterval() {
                return Duration.ofHours(4);
            }

            @Override
            public int reportAttempts() {
                return 1;
            }

            @Override
            public Duration reportPoll() {
                return Duration.ZERO;
            }

            @Override
            public List<Duration> keyAgeBuckets() {
                return List.of(Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(180));
            }
        };
    }
}
