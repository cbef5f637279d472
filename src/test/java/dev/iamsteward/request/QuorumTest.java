package dev.iamsteward.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Quorum, distinct approvers, group eligibility and the owner and manager a rule names. */
class QuorumTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final Set<String> APPROVERS = Set.of("approver");

    @Test
    void twoApprovalsNeedTwoDistinctPeople() {
        AccessRequest request = AccessRequestTest.newRequest(requirement(2, false, false), null);

        StatusChange first = request.approve("bob", APPROVERS, null, null, AT);
        assertEquals(RequestStatus.PENDING_APPROVAL, first.to());
        assertEquals(List.of("1 more approval from members of approver"), request.missingApprovals());
        StewardException twice = assertThrows(StewardException.class,
                () -> request.approve("bob", APPROVERS, null, null, AT));
        assertEquals(ErrorKind.ALREADY_DECIDED, twice.kind());

        StatusChange second = request.approve("carol", APPROVERS, null, null, AT);
        assertEquals(RequestStatus.APPROVED, second.to());
        assertEquals(List.of("bob", "carol"), request.approvers());
    }

    @Test
    void onlyMembersOfTheRulesGroupsMayDecide() {
        AccessRequest request = AccessRequestTest.newRequest(
                new ApprovalRequirement("security-review", 1, Set.of("security"), false, false), null);

        StewardException refused = assertThrows(StewardException.class,
                () -> request.approve("bob", APPROVERS, null, null, AT));
        assertEquals(ErrorKind.NOT_ELIGIBLE, refused.kind());
        assertThrows(StewardException.class, () -> request.reject("bob", APPROVERS, null, AT));
        assertEquals(RequestStatus.APPROVED,
                request.approve("sam", Set.of("requester", "security"), null, null, AT).to());
    }

    @Test
    void theOwnerMustBeAmongTheApproversAndMayDecideWithoutTheApproverGroup() {
        AccessRequest request = AccessRequestTest.newRequest(requirement(1, true, false), null);
        request.owner = "olivia";

        assertEquals(RequestStatus.PENDING_APPROVAL, request.approve("bob", APPROVERS, null, null, AT).to());
        assertEquals(List.of("an approval by the user's owner olivia"), request.missingApprovals());
        assertEquals(RequestStatus.APPROVED, request.approve("olivia", Set.of("requester"), null, null, AT).to());
    }

    @Test
    void aRequesterWhoOwnsTheUserNeedsNoSeparateOwnerApproval() {
        AccessRequest request = AccessRequestTest.newRequest(requirement(1, true, false), null);
        request.owner = request.requester;

        assertEquals(RequestStatus.APPROVED, request.approve("bob", APPROVERS, null, null, AT).to());
    }

    @Test
    void theManagerMustApproveAndAManagerlessTokenMakesTheRuleUnmeetable() {
        AccessRequest managed = AccessRequestTest.newRequest(requirement(1, false, true), "mona");
        assertEquals(RequestStatus.PENDING_APPROVAL, managed.approve("bob", APPROVERS, null, null, AT).to());
        assertEquals(RequestStatus.APPROVED, managed.approve("mona", Set.of("requester"), null, null, AT).to());

        AccessRequest managerless = AccessRequestTest.newRequest(requirement(1, false, true), null);
        assertTrue(managerless.unmeetableApproval().orElseThrow().contains("names no manager"));
        AccessRequest selfManaged = AccessRequestTest.newRequest(requirement(1, false, true), "alice");
        assertTrue(selfManaged.unmeetableApproval().isPresent());
    }

    @Test
    void oneRejectionByAnEligibleApproverEndsTheRequest() {
        AccessRequest request = AccessRequestTest.newRequest(requirement(2, false, false), null);
        request.approve("bob", APPROVERS, null, null, AT);

        assertEquals(RequestStatus.REJECTED, request.reject("carol", APPROVERS, "no", AT).to());
        assertThrows(IllegalTransitionException.class, () -> request.approve("dave", APPROVERS, null, null, AT));
    }

    @Test
    void aChangeVoidsApprovalsAndAnApprovalOfAnOlderPlanIsRefused() {
        AccessRequest request = AccessRequestTest.newRequest(requirement(2, false, false), null);
        String seen = request.planHash;
        request.approve("bob", APPROVERS, seen, null, AT);

        request.reason = "a different reason";
        assertEquals(1, request.replanned("the requester changed the request", AT));
        assertEquals(List.of(), request.approvers());
        assertEquals("the requester changed the request", request.decisions.get(0).voidedReason);
        StewardException stale = assertThrows(StewardException.class,
                () -> request.approve("carol", APPROVERS, seen, null, AT));
        assertEquals(ErrorKind.PLAN_CHANGED, stale.kind());

        request.approve("bob", APPROVERS, request.planHash, null, AT);
        assertEquals(RequestStatus.APPROVED, request.approve("carol", APPROVERS, null, null, AT).to());
        assertEquals(0, request.replanned("no change", AT), "an unchanged request keeps its hash");
    }

    @Test
    void anExpiredRequestCannotBeDecided() {
        AccessRequest request = AccessRequestTest.newRequest(requirement(1, false, false), null);
        request.pendingUntil = AT;

        assertFalse(request.pendingExpired(AT.minusSeconds(1)));
        StewardException late = assertThrows(StewardException.class,
                () -> request.approve("bob", APPROVERS, null, null, AT));
        assertEquals(ErrorKind.ILLEGAL_TRANSITION, late.kind());
        assertEquals(RequestStatus.EXPIRED, request.expire(AT).to());
    }

    private static ApprovalRequirement requirement(int approvals, boolean owner, boolean manager) {
        return new ApprovalRequirement("test", approvals, APPROVERS, owner, manager);
    }
}
