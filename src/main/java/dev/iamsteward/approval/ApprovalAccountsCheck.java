package dev.iamsteward.approval;

import dev.iamsteward.account.TargetAccounts;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Refuses, at startup, approval rules that name an account which is not one of the target accounts. */
@Startup
@ApplicationScoped
class ApprovalAccountsCheck {

    ApprovalAccountsCheck(ApprovalConfig config, TargetAccounts accounts) {
        List<String> problems = ApprovalRules.unknownAccounts(config.rules(), accounts.ids());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("steward.approval.rules: " + String.join("; ", problems));
        }
    }
}
