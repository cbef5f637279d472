package dev.iamsteward.iam.memory;

import static dev.iamsteward.iam.memory.MemoryFixtures.BOUNDARY;
import static dev.iamsteward.iam.memory.MemoryFixtures.BY;
import static dev.iamsteward.iam.memory.MemoryFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.AccountSummary;
import dev.iamsteward.iam.CredentialReport;
import dev.iamsteward.iam.IamAccount.ReportState;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.NewUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory credential report and account summary, with IAM's four-hour report rules. */
class InMemoryIamAccountTest {

    private final MovableClock clock = new MovableClock();
    private final InMemoryIamDirectory iam = new InMemoryIamDirectory(clock);
    private final InMemoryIamAccount account = new InMemoryIamAccount(iam, clock);

    @Test
    void thereIsNoReportBeforeOneIsGenerated() {
        assertThrows(IamException.ReportNotPresent.class, account::credentialReport);
    }

    @Test
    void theReportHasTheRootRowFirstAndARowPerUser() {
        user("ann");
        iam.createLoginProfile("ann", Secret.of("Str0ng-Passw0rd!"), true, BY);
        String key = iam.createAccessKey("ann", BY).key().accessKeyId();
        clock.advance(Duration.ofHours(1));
        iam.recordKeyUse(key, clock.instant(), "s3", "eu-west-1");
        account.setRoot(new InMemoryIamAccount.Root(NOW.minus(Duration.ofDays(900)), false, NOW,
                List.of(new CredentialReport.KeySlot(1, true, NOW.minus(Duration.ofDays(400)), null, null, null))));

        assertEquals(ReportState.STARTED, account.generateCredentialReport());
        CredentialReport report = account.credentialReport();

        assertEquals(List.of(CredentialReport.ROOT, "ann"), report.rows().stream().map(CredentialReport.Row::user)
                .toList());
        CredentialReport.Row root = report.root().orElseThrow();
        assertFalse(root.mfaActive());
        assertEquals(NOW, root.passwordLastUsed());
        assertTrue(root.accessKey1().active());
        assertEquals("not_supported", root.fields().get("password_enabled"));
        CredentialReport.Row ann = report.users().get(0);
        assertTrue(ann.consoleUser());
        assertEquals("no_information", ann.fields().get("password_last_used"));
        assertEquals(NOW.plus(Duration.ofHours(1)), ann.accessKey1().lastUsedDate());
        assertEquals("s3", ann.accessKey1().lastUsedService());
        assertEquals("N/A", ann.fields().get("access_key_2_last_rotated"));
        assertEquals("/iam-steward/", ann.path());
    }

    @Test
    void aReportYoungerThanFourHoursIsServedAgainUnchanged() {
        user("ann");
        account.generateCredentialReport();
        user("bob");
        clock.advance(Duration.ofHours(3));

        assertEquals(ReportState.COMPLETE, account.generateCredentialReport());
        assertEquals(List.of("ann"), names(account.credentialReport()), "bob is not in it yet");

        clock.advance(Duration.ofHours(1));
        assertThrows(IamException.ReportExpired.class, account::credentialReport);
        assertEquals(ReportState.STARTED, account.generateCredentialReport());
        assertEquals(List.of("ann", "bob"), names(account.credentialReport()));
        assertEquals(clock.instant(), account.credentialReport().generatedAt());
    }

    @Test
    void theSummaryCountsUsersAndShowsTheRootFlags() {
        user("ann");
        user("bob");
        MemoryFixtures.enableNewDevice(iam, "ann", "ann-phone");
        account.setRoot(new InMemoryIamAccount.Root(NOW, false, null,
                List.of(new CredentialReport.KeySlot(1, true, NOW, null, null, null))));

        AccountSummary summary = account.accountSummary();

        assertEquals(2, summary.users());
        assertFalse(summary.accountMfaEnabled());
        assertTrue(summary.accountAccessKeysPresent());
        assertEquals(1, summary.mfaDevicesInUse());
        assertEquals(2, summary.all().get("AccessKeysPerUserQuota"));
        account.reset();
        assertTrue(account.accountSummary().accountMfaEnabled());
        assertFalse(account.accountSummary().accountAccessKeysPresent());
    }

    @Test
    void accountCallsAreRecordedAndCanBeFaulted() {
        iam.faults().throttleNext("GetAccountSummary", 1);

        assertThrows(IamException.Throttled.class, account::accountSummary);
        account.generateCredentialReport();
        account.credentialReport();

        assertEquals(List.of("GetAccountSummary", "GenerateCredentialReport", "GetCredentialReport"),
                iam.calls().stream().map(IamCall::operation).toList());
        assertNull(iam.calls().get(0).attribution());
    }

    private void user(String name) {
        iam.createUser(new NewUser(name, "/iam-steward/", BOUNDARY, Map.of()), BY);
    }

    private static List<String> names(CredentialReport report) {
        return report.users().stream().map(CredentialReport.Row::user).toList();
    }

    /** A clock tests move forward, starting at the fixtures' now. */
    private static final class MovableClock extends Clock {
        private Instant now = NOW;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
