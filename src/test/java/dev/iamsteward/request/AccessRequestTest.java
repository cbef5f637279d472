package dev.iamsteward.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The request state machine refuses every move it does not allow. */
class AccessRequestTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final Set<String> APPROVERS = Set.of("approver");

    @Test
    void theHappyPathMovesThroughEveryStatus() {
        AccessRequest request = newRequest();
        StatusChange approved = request.approve("bob", APPROVERS, null, "fine", AT);
        request.startExecution("worker", AT);
        StatusChange done = request.succeed("arn:aws:iam::1:user/alice", "worker", AT);

        assertEquals(RequestStatus.PENDING_APPROVAL, approved.from());
        assertEquals(RequestStatus.APPROVED, approved.to());
        assertEquals(RequestStatus.SUCCEEDED, done.to());
        assertEquals("arn:aws:iam::1:user/alice", request.userArn);
        assertEquals(List.of("bob"), request.approvers());
    }

    @Test
    void theRequesterCannotDecide() {
        AccessRequest request = newRequest();
        StewardException refused = assertThrows(StewardException.class,
                () -> request.approve("alice", APPROVERS, null, null, AT));
        assertEquals(ErrorKind.SELF_APPROVAL, refused.kind());
        assertThrows(StewardException.class, () -> request.reject("alice", APPROVERS, null, AT));
        assertEquals(RequestStatus.PENDING_APPROVAL, request.status);
        assertEquals(List.of(), request.decisions);
    }

    @Test
    void terminalStatusesLeadNowhere() {
        for (RequestStatus status : EnumSet.of(RequestStatus.SUCCEEDED, RequestStatus.FAILED, RequestStatus.REJECTED)) {
            for (RequestStatus target : RequestStatus.values()) {
                assertEquals(false, status.canMoveTo(target), status + " -> " + target);
            }
        }
    }

    @Test
    void illegalMovesAreRefused() {
        AccessRequest pending = newRequest();
        assertThrows(IllegalTransitionException.class, () -> pending.startExecution("w", AT));
        assertThrows(IllegalTransitionException.class, () -> pending.succeed("arn", "w", AT));

        AccessRequest rejected = newRequest();
        rejected.reject("bob", APPROVERS, "no", AT);
        assertThrows(IllegalTransitionException.class, () -> rejected.approve("carol", APPROVERS, null, null, AT));
        assertEquals(RequestStatus.REJECTED, rejected.status);
        assertEquals(1, rejected.decisions.size());
    }

    private static AccessRequest newRequest() {
        return newRequest(new ApprovalRequirement("default", 1, Set.of("approver"), false, false), null);
    }

    static AccessRequest newRequest(ApprovalRequirement requirement, String manager) {
        AccessRequest request = AccessRequest.submit("default", new SubmitRequest(null, RequestType.CREATE_USER,
                "new-user", null, null, null, null, null, Map.of(), "why"), "alice", manager, AT);
        request.approval = requirement;
        request.replanned("planned", AT);
        return request;
    }
}
