package dev.iamsteward.request;

import dev.iamsteward.common.Caller;
import dev.iamsteward.common.Cursor;
import dev.iamsteward.common.KeysetQuery;
import dev.iamsteward.common.Page;
import dev.iamsteward.common.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
    public Page<RequestView> list(Caller caller, Filter filter, Paging paging, UriInfo uri) {
        KeysetQuery<AccessRequest> query = KeysetQuery.<AccessRequest>newestFirst("r.createdAt", "r.id",
                UUID::fromString, r -> new Cursor(r.createdAt, r.id.toString())).from("from AccessRequest r");
        visibleTo(caller, query);
        narrow(filter, query);
        if (filter.approvableByCaller()) {
            approvableBy(caller, query);
        }
        return query.page(paging, (hql, sort, parameters) -> AccessRequest.find(hql, sort, parameters),
                requests::viewOf, uri);
    }

    /** Only requesters are narrowed: to their own requests, those about users they own and their reports'. */
    private static void visibleTo(Caller caller, KeysetQuery<AccessRequest> query) {
        if (!caller.seesAllRequests()) {
            query.where(RequestAccess.visibleClause()).with("caller", caller.name());
        }
    }

    private static void narrow(Filter filter, KeysetQuery<AccessRequest> query) {
        query.where("r.account = :account", "account", filter.account())
                .where("r.status = :status", "status", filter.status())
                .where("r.type = :type", "type", filter.type())
                .where("lower(r.userName) = lower(:userName)", "userName", filter.userName());
    }

    /** Pending requests the caller could decide on now: eligible under the request's rule, not yet decided. */
    private void approvableBy(Caller caller, KeysetQuery<AccessRequest> query) {
        query.where("r.status = :pending and r.requester <> :caller and r.pendingUntil > :now")
                .where("not exists (from Decision d where d.request = r and d.approver = :caller "
                        + "and d.voidedAt is null)")
                .where("(" + String.join(" or ", eligible(caller, query)) + ")")
                .with("caller", caller.name()).with("pending", RequestStatus.PENDING_APPROVAL)
                .with("now", clock.instant());
    }

    /** Who may decide under a rule: a member of one of its groups, or the owner or manager it asks for. */
    private static List<String> eligible(Caller caller, KeysetQuery<AccessRequest> query) {
        List<String> eligible = new ArrayList<>();
        int i = 0;
        for (String group : caller.roles()) {
            eligible.add("r.approval.approverGroups like :group" + i + " escape '!'");
            query.with("group" + i++, ApprovalRequirement.groupPattern(likeEscaped(group)));
        }
        eligible.add("r.approval.ownerMustApprove = true and r.owner = :caller");
        eligible.add("r.approval.managerMustApprove = true and r.requesterManager = :caller");
        return eligible;
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

}
