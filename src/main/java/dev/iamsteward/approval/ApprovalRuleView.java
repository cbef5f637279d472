package dev.iamsteward.approval;

import dev.iamsteward.account.CatalogConfig;
import dev.iamsteward.request.ApprovalRequirement;
import dev.iamsteward.request.BreakGlassTerms;
import dev.iamsteward.request.RequestType;
import java.util.Set;
import java.util.TreeSet;

/** An approval rule as {@code GET /v1/approval-rules} shows it; empty accounts, types or risks mean all of them. */
public record ApprovalRuleView(String name, String description, Set<String> accounts, Set<RequestType> types,
        Set<CatalogConfig.Risk> risks, int approvals, Set<String> approverGroups, boolean ownerMustApprove,
        boolean managerMustApprove, ApprovalRequirement.AutoApprove autoApprove, BreakGlassTerms breakGlass) {

    static ApprovalRuleView of(String name, ApprovalConfig.Rule rule) {
        return new ApprovalRuleView(name, null, rule.accounts().<Set<String>>map(TreeSet::new).orElse(Set.of()),
                rule.types().<Set<RequestType>>map(TreeSet::new).orElse(Set.of()),
                rule.risks().<Set<CatalogConfig.Risk>>map(TreeSet::new).orElse(Set.of()), rule.approvals(),
                new TreeSet<>(rule.approverGroups()), rule.ownerMustApprove(), rule.managerMustApprove(),
                rule.autoApprove(), ApprovalRules.breakGlass(rule).orElse(null));
    }
}
