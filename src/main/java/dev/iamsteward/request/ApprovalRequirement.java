package dev.iamsteward.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The approvals a request needs, fixed when it is submitted from the rule that matched it, so that a later
 * change of the rules does not move the goalposts of a request already waiting.
 */
@Embeddable
public class ApprovalRequirement {

    /** When a request may be approved without a person deciding. */
    public enum AutoApprove {
        /** Never: a person decides. */
        NEVER,
        /** When the requester is the user's owner, e.g. deactivating one's own key. */
        OWNER,
        /** Always: the request is approved as soon as it is submitted. */
        ALWAYS
    }

    @Column(name = "approval_rule")
    public String rule;

    @Column(name = "approvals_required")
    public int approvals;

    /** The groups whose members may decide, stored as {@code ,a,b,} so that a query can match one exactly. */
    @Column(name = "approver_groups")
    String approverGroups;

    @Column(name = "owner_must_approve")
    public boolean ownerMustApprove;

    @Column(name = "manager_must_approve")
    public boolean managerMustApprove;

    /** The groups whose members may break glass on their own requests, encoded like the approver groups. */
    @Column(name = "break_glass_groups")
    String breakGlassGroups;

    @Column(name = "break_glass_access_seconds")
    Long breakGlassAccessSeconds;

    @Column(name = "break_glass_review_seconds")
    Long breakGlassReviewSeconds;

    protected ApprovalRequirement() {
    }

    public ApprovalRequirement(String rule, int approvals, Collection<String> approverGroups,
            boolean ownerMustApprove, boolean managerMustApprove) {
        this(rule, approvals, approverGroups, ownerMustApprove, managerMustApprove, null);
    }

    public ApprovalRequirement(String rule, int approvals, Collection<String> approverGroups,
            boolean ownerMustApprove, boolean managerMustApprove, BreakGlassTerms breakGlass) {
        this.rule = rule;
        this.approvals = approvals;
        this.approverGroups = encode(approverGroups);
        this.ownerMustApprove = ownerMustApprove;
        this.managerMustApprove = managerMustApprove;
        if (breakGlass != null) {
            this.breakGlassGroups = encode(breakGlass.groups());
            this.breakGlassAccessSeconds = breakGlass.accessFor().toSeconds();
            this.breakGlassReviewSeconds = breakGlass.reviewWithin().toSeconds();
        }
    }

    /** The rule's break-glass terms as fixed at submission; empty when the rule does not allow break-glass. */
    public Optional<BreakGlassTerms> breakGlass() {
        if (breakGlassGroups == null) {
            return Optional.empty();
        }
        Set<String> groups = Arrays.stream(breakGlassGroups.split(",")).filter(g -> !g.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        return Optional.of(new BreakGlassTerms(groups, Duration.ofSeconds(breakGlassAccessSeconds),
                Duration.ofSeconds(breakGlassReviewSeconds)));
    }

    public Set<String> approverGroups() {
        return Arrays.stream(approverGroups.split(",")).filter(g -> !g.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The pattern a query matches against the stored groups to find the requests a group may decide. */
    static String groupPattern(String group) {
        return "%," + group + ",%";
    }

    private static String encode(Collection<String> groups) {
        return "," + String.join(",", new TreeSet<>(groups)) + ",";
    }
}
