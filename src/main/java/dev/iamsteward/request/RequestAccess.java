package dev.iamsteward.request;

import dev.iamsteward.common.Caller;
import dev.iamsteward.common.StewardException;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/**
 * Who may see a request: approvers, admins and auditors see every request; anyone else sees the requests
 * they made, those about users they own, and those their reports made. To them, others' requests do not
 * exist.
 */
public final class RequestAccess {

    private RequestAccess() {
    }

    /** The request if the caller may see it, locked for a change when {@code lock} is set. */
    public static AccessRequest visible(UUID id, Caller caller, boolean lock) {
        AccessRequest request = lock ? AccessRequest.findById(id, LockModeType.PESSIMISTIC_WRITE)
                : AccessRequest.findById(id);
        if (request == null || !canSee(request, caller)) {
            throw StewardException.notFound("Request", id);
        }
        return request;
    }

    public static boolean canSee(AccessRequest request, Caller caller) {
        return caller.seesAllRequests() || caller.name().equals(request.requester)
                || caller.name().equals(request.owner) || caller.name().equals(request.requesterManager);
    }

    /** The condition a query adds so that it lists only what {@code :caller} may see. */
    static String visibleClause() {
        return "(r.requester = :caller or r.owner = :caller or r.requesterManager = :caller)";
    }
}
