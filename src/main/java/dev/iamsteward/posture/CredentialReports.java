package dev.iamsteward.posture;

import dev.iamsteward.account.TargetAccount;
import dev.iamsteward.iam.CredentialReport;
import dev.iamsteward.iam.IamAccount;
import dev.iamsteward.iam.IamException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * The newest credential report IAM will give: generate (IAM makes a new one at most every four hours and
 * otherwise keeps the last), then fetch from one account, asking again a few times while IAM is still making it.
 * Scans of posture and of due keys both read users this way: two IAM calls for the whole account, not one per user.
 */
@ApplicationScoped
public class CredentialReports {

    private final PostureConfig config;
    private final PostureMetrics metrics;
    private final Clock clock;

    CredentialReports(PostureConfig config, PostureMetrics metrics, Clock clock) {
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The report; ReportInProgress when IAM has not finished it after the configured attempts. The keys-by-age
     * gauge shows the report last read.
     */
    public CredentialReport latest(TargetAccount target) {
        CredentialReport report = read(target.account());
        metrics.reportRead(target.id(), report, clock.instant());
        return report;
    }

    private CredentialReport read(IamAccount account) {
        for (int attempt = 1;; attempt++) {
            account.generateCredentialReport();
            try {
                return account.credentialReport();
            } catch (IamException.ReportInProgress | IamException.ReportNotPresent | IamException.ReportExpired e) {
                if (attempt >= config.reportAttempts()) {
                    throw new IamException.ReportInProgress("IAM has not finished the credential report after "
                            + attempt + " attempts; the next scan asks again");
                }
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.reportPoll().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IamException.Unavailable("interrupted while waiting for the credential report");
        }
    }
}
