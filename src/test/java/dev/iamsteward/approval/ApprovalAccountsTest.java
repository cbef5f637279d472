package dev.iamsteward.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamsteward.account.CatalogConfig.Risk;
import dev.iamsteward.request.ApprovalRequirement.AutoApprove;
import dev.iamsteward.request.RequestType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A rule naming an account the service does not act on would never match, so startup refuses it. */
class ApprovalAccountsTest {

    @Test
    void rulesNamingOnlyTargetAccountsPass() {
        assertEquals(List.of(), ApprovalRules.unknownAccounts(Map.of("prod", new Rule(Set.of("production")),
                "any", new Rule(null)), List.of("production", "sandbox")));
    }

    @Test
    void aRuleNamingAnUnknownAccountIsReported() {
        assertEquals(List.of("rule 'prod' names account 'prodution', which is not a target account "
                + "[production, sandbox]"), ApprovalRules.unknownAccounts(
                Map.of("prod", new Rule(Set.of("production", "prodution"))), List.of("production", "sandbox")));
    }

    /** A rule as configuration would give it, with only its accounts mattering here. */
    private record Rule(Set<String> accountSet) implements ApprovalConfig.Rule {

        @Override
        public Optional<Set<String>> accounts() {
            return Optional.ofNullable(accountSet);
        }

        @Override
        public Optional<Set<RequestType>> types() {
            return Optional.empty();
        }

        @Override
        public Optional<Set<Risk>> risks() {
            return Optional.empty();
        }

        @Override
        public int approvals() {
            return 1;
        }

        @Override
        public Set<String> approverGroups() {
            return Set.of("approver");
        }

        @Override
        public boolean ownerMustApprove() {
            return false;
        }

        @Override
        public boolean managerMustApprove() {
            return false;
        }

        @Override
        public ApprovalConfig.BreakGlass breakGlass() {
            return new NoBreakGlass();
        }

        @Override
        public AutoApprove autoApprove() {
            return AutoApprove.NEVER;
        }
    }
}
