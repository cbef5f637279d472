package dev.iamsteward.approval;

import dev.iamsteward.account.CatalogConfig;
import dev.iamsteward.request.ApprovalRequirement;
import dev.iamsteward.request.RequestType;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The approval rules. A request is decided under the most specific rule that matches it: one naming its type
 * and risk beats one naming its type, which beats one naming its risk, which beats the default rule that
 * names neither. Example: {@code steward.approval.rules.high-risk.risks=HIGH} and
 * {@code steward.approval.rules.high-risk.approvals=2}.
 */
@ConfigMapping(prefix = "steward.approval")
public interface ApprovalConfig {

    /** How long a request may wait for approval before it expires. */
    @WithDefault("P7D")
    Duration pendingTimeout();

    /** How often expired pending requests and ended time-bound access are looked for. */
    Duration sweepInterval();

    /** The rules, by name; one of them must name neither types nor risks, and is the default. */
    Map<String, Rule> rules();

    /** One rule: which requests it covers and what approving them takes. */
    interface Rule {

        /** The target accounts (their ids) whose requests the rule covers; all accounts when absent. */
        Optional<Set<String>> accounts();

        /** The request types the rule covers; all types when absent. */
        Optional<Set<RequestType>> types();

        /** The risks the rule covers (an access profile's risk; LOW for requests without one); all when absent. */
        Optional<Set<CatalogConfig.Risk>> risks();

        /** How many distinct people must approve. */
        @WithDefault("1")
        int approvals();

        /** The groups (from the token's role claim) whose members may decide. */
        @WithDefault("approver")
        Set<String> approverGroups();

        /** Whether the user's owner must be among the approvers (unless the owner is the requester). */
        @WithDefault("false")
        boolean ownerMustApprove();

        /** Whether the requester's manager, named by the token's {@code manager} claim, must approve. */
        @WithDefault("false")
        boolean managerMustApprove();

        /** When a request is approved without a person deciding: NEVER, OWNER (the requester owns the user), ALWAYS. */
        @WithDefault("NEVER")
        ApprovalRequirement.AutoApprove autoApprove();

        /** Break-glass under this rule: none unless groups are named. */
        BreakGlass breakGlass();
    }

    /**
     * Break-glass: when a rule's approvers cannot be reached, a requester in one of these groups may approve their
     * own request with a reason. Approvers and subscribers are told at once, the access it grants ends by itself,
     * and an approver must review the use afterwards; an overdue review is a finding.
     */
    interface BreakGlass {

        /** The groups (from the token's role claim) whose members may break glass; nobody when absent. */
        Optional<Set<String>> groups();

        /** How long access granted by break-glass lasts before the service takes it back. */
        @WithDefault("PT4H")
        Duration accessFor();

        /** How soon after its use an approver must review a break-glass approval. */
        @WithDefault("P1D")
        Duration reviewWithin();
    }
}
