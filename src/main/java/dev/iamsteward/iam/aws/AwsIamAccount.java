package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.IamCalls.call;

import dev.iamsteward.iam.AccountSummary;
import dev.iamsteward.iam.CredentialReport;
import dev.iamsteward.iam.CredentialReportCsv;
import dev.iamsteward.iam.IamAccount;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * The account-level reads over the AWS SDK: IAM's in the service's session,
 * GetCallerIdentity on the base credentials.
 */
final class AwsIamAccount implements IamAccount {

    private final IamCalls calls;
    private final IamClient iam;

    AwsIamAccount(IamCalls calls) {
        this.calls = calls;
        this.iam = calls.client();
    }

    @Override
    public ReportState generateCredentialReport() {
        ReportStateType state = call(() -> iam.generateCredentialReport(r -> r
                .overrideConfiguration(calls.asService())).state());
        return switch (state) {
            case COMPLETE -> ReportState.COMPLETE;
            case INPROGRESS -> ReportState.INPROGRESS;
            default -> ReportState.STARTED;
        };
    }

    @Override
    public CredentialReport credentialReport() {
        GetCredentialReportResponse report = call(() -> iam.getCredentialReport(r -> r
                .overrideConfiguration(calls.asService())));
        return CredentialReportCsv.parse(report.content().asUtf8String(), report.generatedTime());
    }

    @Override
    public AccountSummary accountSummary() {
        Map<String, Integer> summary = call(() -> iam.getAccountSummary(r -> r
                .overrideConfiguration(calls.asService())).summaryMapAsStrings());
        return AccountSummary.of(summary);
    }

    /** Deliberately on the base credentials: the question is who the service was started as. */
    @Override
    public String callerArn() {
        return call(() -> calls.sts().getCallerIdentity().arn());
    }
}
