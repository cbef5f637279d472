package dev.iamsteward.request;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a request's approvals in force meet its {@link ApprovalRequirement}: enough distinct approvers,
 * and among them the user's owner or the requester's manager where the rule asks for them. A requester's
 * own consent is implied, so a requester who owns the user needs no separate owner approval.
 */
record Quorum(ApprovalRequirement requirement, Set<String> approvers, String requester, String owner,
        String manager) {

    static Quorum of(AccessRequest request) {
        Set<String> approvers = new LinkedHashSet<>();
        request.decisions.stream()
                .filter(d -> d.active() && d.verdict == Decision.Verdict.APPROVE)
                .forEach(d -> approvers.add(d.approver));
        return new Quorum(request.approval, approvers, request.requester, request.owner, request.requesterManager);
    }

    boolean met() {
        return missing().isEmpty();
    }

    /** What is still needed, in words an approver reads on the request; empty when the quorum is met. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        int more = requirement.approvals - approvers.size();
        if (more > 0) {
            missing.add(more + " more approval" + (more == 1 ? "" : "s") + " from " + describeEligible());
        }
        if (requirement.ownerMustApprove && !consented(owner)) {
            missing.add("an approval by the user's owner " + owner);
        }
        if (requirement.managerMustApprove && !consented(manager)) {
            missing.add("an approval by the requester's manager " + manager);
        }
        return missing;
    }

    /** Whether {@code person}, holding {@code groups}, may decide on the request at all. */
    boolean eligible(String person, Set<String> groups) {
        return !person.equals(requester) && (groups.stream().anyMatch(requirement.approverGroups()::contains)
                || requirement.ownerMustApprove && person.equals(owner)
                || requirement.managerMustApprove && person.equals(manager));
    }

    /** Why a rule can never be met for this request, e.g. it needs a manager the requester's token names not. */
    String unmeetable() {
        if (requirement.ownerMustApprove && owner == null) {
            return "rule '" + requirement.rule + "' needs the user's owner to approve, and the user has no owner";
        }
        if (requirement.managerMustApprove && manager == null) {
            return "rule '" + requirement.rule + "' needs the requester's manager to approve, and the requester's "
                    + "token names no manager";
        }
        if (requirement.managerMustApprove && manager.equals(requester)) {
            return "rule '" + requirement.rule + "' needs the requester's manager, who is the requester";
        }
        return null;
    }

    private boolean consented(String person) {
        return person != null && (person.equals(requester) || approvers.contains(person));
    }

    private String describeEligible() {
        return "members of " + String.join(" or ", requirement.approverGroups());
    }
}
