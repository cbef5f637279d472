package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.MotoIam.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.account.RootCredentials;
import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.AccountSummary;
import dev.iamsteward.iam.CredentialReport;
import dev.iamsteward.iam.IamAccount;
import dev.iamsteward.iam.IamException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account-level reads through the AWS adapter, against moto over HTTP. moto's credential report has no
 * {@code <root_account>} row, so the root user's columns are only exercised by the parser test and the
 * in-memory IAM; moto's GetCallerIdentity is never the root user, so the refusal is checked on the wire.
 */
class AwsIamAccountMotoTest {

    private MotoIam moto;
    private IamAccount account;

    @BeforeEach
    void freshMoto() {
        moto = MotoIam.fresh();
        account = moto.directory().account();
    }

    @AfterEach
    void close() {
        moto.close();
    }

    @Test
    void noReportUntilOneIsGenerated() {
        assertThrows(IamException.ReportNotPresent.class, account::credentialReport);
    }

    @Test
    void theGeneratedReportHasARowPerUserWithKeysAndPassword() {
        String ann = moto.user("ann");
        moto.user("bob");
        moto.directory().createAccessKey(ann, request());
        moto.directory().createLoginProfile(ann, Secret.of("Str0ng-Passw0rd!"), true, request());

        IamAccount.ReportState first = account.generateCredentialReport();
        CredentialReport report = account.credentialReport();

        assertTrue(first == IamAccount.ReportState.STARTED || first == IamAccount.ReportState.COMPLETE, "" + first);
        assertEquals(IamAccount.ReportState.COMPLETE, account.generateCredentialReport(), "the report exists now");
        assertTrue(report.root().isEmpty(), "moto's report has no root row");
        assertNotNull(report.generatedAt());
        List<String> users = report.users().stream().map(CredentialReport.Row::user).toList();
        assertTrue(users.containsAll(List.of("ann", "bob")), users.toString());
        CredentialReport.Row annRow = report.users().stream().filter(r -> r.user().equals("ann")).findFirst()
                .orElseThrow();
        assertEquals("/steward/", annRow.path());
        assertTrue(annRow.consoleUser());
        assertTrue(annRow.accessKey1().active());
        assertNotNull(annRow.accessKey1().lastRotated());
        assertFalse(annRow.accessKey2().present());
    }

    @Test
    void theAccountSummaryCountsUsers() {
        moto.user("ann");
        moto.user("bob");

        AccountSummary summary = account.accountSummary();

        assertEquals(2, summary.users());
        assertTrue(summary.all().containsKey("UsersQuota"), summary.all().toString());
        assertFalse(summary.accountAccessKeysPresent());
    }

    @Test
    void motosCallerIsNotTheRootUser() {
        String arn = account.callerArn();

        assertTrue(arn.startsWith("arn:aws:"), arn);
        assertFalse(RootCredentials.isRoot(arn), arn);
    }
}
