package dev.iamsteward.request;

import dev.iamsteward.common.Caller;
import dev.iamsteward.common.Cursor;
import dev.iamsteward.common.Page;
import dev.iamsteward.common.StewardException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lists requests newest first, a keyset page at a time, so that requests submitted while a client pages
 * neither repeat nor push others out of its view.
 */
@ApplicationScoped
public class RequestListing {

    /** What a listing may be narrowed to; null fields do not narrow it. */
    public record Filter(String account, RequestStatus status, RequestType type, String userName,
            boolean approvableByCaller) {
    }

    private final RequestService requests;
    private final Clock clock;

    RequestListing(RequestService requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RequestView> list(Caller caller, Filter filter, int limit, String cursor, UriInfo uri) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (!caller.seesAllRequests() || filter.approvableByCaller()) {
            parameters.put("caller", caller.name());
        }
        if (!caller.seesAllRequests()) {
            where.add(RequestAccess.visibleClause());
        }
        if (filter.account() != null) {
            where.add("r.account = :account");
            parameters.put("account", filter.account());
        }
        if (filter.status() != null) {
            where.add("r.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.type() != null) {
            where.add("r.type = :type");
            parameters.put("type", filter.type());
        }
        if (filter.userName() != null) {
            where.add("lower(r.userName) = lower(:userName)");
            parameters.put("userName", filter.userName());
        }
        if (filter.approvableByCaller()) {
            approvableBy(caller, where, parameters);
        }
        if (cursor != null) {
            Cursor after = Cursor.decode(cursor);
            where.add("(r.createdAt < :at or r.createdAt = :at and r.id < :id)");
            parameters.put("at", after.at());
            parameters.put("id", uuid(after.key()));
        }
        String query = "from AccessRequest r" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by r.createdAt desc, r.id desc";
        List<AccessRequest> rows = AccessRequest.<AccessRequest>find(query, parameters).page(0, limit + 1).list();
        return Page.ofKeyset(rows, limit, r -> new Cursor(r.createdAt, r.id.toString()), requests::viewOf, uri);
    }

    /** Pending requests the caller could decide on now: eligible under the request's rule, not yet decided. */
    private void approvableBy(Caller caller, List<String> where, Map<String, Object> parameters) {
        where.add("r.status = :pending and r.requester <> :caller and r.pendingUntil > :now");
        where.add("not exists (from Decision d where d.request = r and d.approver = :caller and d.voidedAt is null)");
        List<String> eligible = new ArrayList<>();
        int i = 0;
        for (String group : caller.roles()) {
            eligible.add("r.approval.approverGroups like :group" + i + " escape '!'");
            parameters.put("group" + i++, ApprovalRequirement.groupPattern(likeEscaped(group)));
        }
        eligible.add("r.approval.ownerMustApprove = true and r.owner = :caller");
        eligible.add("r.approval.managerMustApprove = true and r.requesterManager = :caller");
        where.add("(" + String.join(" or ", eligible) + ")");
        parameters.put("pending", RequestStatus.PENDING_APPROVAL);
        parameters.put("now", clock.instant());
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static UUID uuid(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw StewardException.invalid("cursor is not one this service handed out");
        }
    }
}
