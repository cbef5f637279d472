package dev.iamsteward.iam.memory;

import dev.iamsteward.iam.AccountSummary;
import dev.iamsteward.iam.CredentialReport;
import dev.iamsteward.iam.CredentialReportCsv;
import dev.iamsteward.iam.IamAccount;
import dev.iamsteward.iam.IamException;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The account-level reads of the in-memory IAM, with AWS's report rules: a report is made at most every four
 * hours (a younger one is returned again, even if users changed since), and it expires after four hours. The
 * report is rendered to CSV and parsed back with the same parser the AWS adapter uses. The root user's state
 * is whatever tests set with {@link #setRoot}.
 */
@Singleton
@Typed(InMemoryIamAccount.class)
public class InMemoryIamAccount implements IamAccount {

    /** How long IAM keeps serving a report before making a new one, and before it expires. */
    public static final Duration REPORT_LIFETIME = Duration.ofHours(4);
    private static final int USERS_QUOTA = 5000;
    private static final int KEYS_PER_USER_QUOTA = 2;

    private final InMemoryIamDirectory directory;
    private final Clock clock;
    private Root root = Root.SECURE;
    private String report;
    private Instant generatedAt;
    /** Null: the sandbox's own caller, in whichever account it simulates. */
    private String callerArn;

    /** The root user as the report and summary show it. */
    public record Root(Instant createdAt, boolean mfaActive, Instant passwordLastUsed,
            List<CredentialReport.KeySlot> keys) {

        /** MFA on, no access keys, never signed in. */
        public static final Root SECURE = new Root(Instant.parse("2020-01-01T00:00:00Z"), true, null, List.of());

        public Root {
            keys = List.copyOf(keys);
        }
    }

    @Inject
    public InMemoryIamAccount(InMemoryIamDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    private String sandboxCaller() {
        return "arn:aws:iam::" + directory.accountId() + ":user/iam-steward-sandbox";
    }

    @Override
    public ReportState generateCredentialReport() {
        synchronized (directory) {
            directory.enterAccountCall("GenerateCredentialReport");
            Instant now = clock.instant();
            if (report != null && Duration.between(generatedAt, now).compareTo(REPORT_LIFETIME) < 0) {
                return ReportState.COMPLETE;
            }
            List<CredentialReport.Row> rows = new ArrayList<>();
            rows.add(rootRow());
            rows.addAll(directory.reportRows());
            report = CredentialReportCsv.render(rows);
            generatedAt = now;
            return ReportState.STARTED;
        }
    }

    @Override
    public CredentialReport credentialReport() {
        synchronized (directory) {
            directory.enterAccountCall("GetCredentialReport");
            if (report == null) {
                throw new IamException.ReportNotPresent("Credential report not present.");
            }
            if (Duration.between(generatedAt, clock.instant()).compareTo(REPORT_LIFETIME) >= 0) {
                throw new IamException.ReportExpired("Credential report has expired; generate a new one.");
            }
            return CredentialReportCsv.parse(report, generatedAt);
        }
    }

    @Override
    public AccountSummary accountSummary() {
        synchronized (directory) {
            directory.enterAccountCall("GetAccountSummary");
            Map<String, Integer> summary = new HashMap<>(directory.entityCounts());
            summary.put("AccountMFAEnabled", root.mfaActive() ? 1 : 0);
            summary.put("AccountAccessKeysPresent", root.keys().isEmpty() ? 0 : 1);
            summary.put("UsersQuota", USERS_QUOTA);
            summary.put("AccessKeysPerUserQuota", KEYS_PER_USER_QUOTA);
            return AccountSummary.of(summary);
        }
    }

    @Override
    public String callerArn() {
        synchronized (directory) {
            directory.enterAccountCall("sts:GetCallerIdentity");
            return callerArn == null ? sandboxCaller() : callerArn;
        }
    }

    // ---- not IAM calls: what someone outside the service would have done

    public void setRoot(Root root) {
        synchronized (directory) {
            this.root = root;
        }
    }

    public void setCallerArn(String arn) {
        synchronized (directory) {
            this.callerArn = arn;
        }
    }

    /** Forgets the report and restores a secure root user and the sandbox caller. */
    public void reset() {
        synchronized (directory) {
            root = Root.SECURE;
            report = null;
            generatedAt = null;
            callerArn = null;
        }
    }

    private CredentialReport.Row rootRow() {
        List<CredentialReport.KeySlot> slots = new ArrayList<>(root.keys());
        while (slots.size() < 2) {
            slots.add(new CredentialReport.KeySlot(slots.size() + 1, false, null, null, null, null));
        }
        return new CredentialReport.Row(CredentialReport.ROOT,
                "arn:aws:iam::" + directory.accountId() + ":root", root.createdAt(), null,
                root.passwordLastUsed(), null, null, root.mfaActive(), slots.get(0), slots.get(1),
                new CredentialReport.CertSlot(1, false, null), new CredentialReport.CertSlot(2, false, null),
                Map.of());
    }
}
