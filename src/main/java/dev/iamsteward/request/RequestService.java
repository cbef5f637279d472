package dev.iamsteward.request;

import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.credential.DeliveryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Submits requests and shows them to the people allowed to see them. */
@ApplicationScoped
public class RequestService {

    private final RequestPlanner planner;
    private final DeliveryService deliveries;
    private final AuditLog audit;
    private final Clock clock;

    RequestService(RequestPlanner planner, DeliveryService deliveries, AuditLog audit, Clock clock) {
        this.planner = planner;
        this.deliveries = deliveries;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public RequestView submit(SubmitRequest submission, Caller caller) {
        submission.refuseFieldsOfOtherTypes();
        Instant now = clock.instant();
        AccessRequest request = AccessRequest.submit(submission, caller.name(), now);
        planner.plan(request);
        request.persist();
        audit.record(new StatusChange(request.id, null, request.status, caller.name(), now, submission.reason())
                .audit("request.submitted"));
        return RequestView.of(request, List.of());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RequestView get(UUID id, Caller caller) {
        AccessRequest request = visible(id, caller);
        return RequestView.of(request, deliveries.forRequest(request.id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RequestView> list(Caller caller, Optional<RequestStatus> status, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (!caller.seesAllRequests()) {
            query.append(" and (requester = :caller or owner = :caller)");
            parameters.put("caller", caller.name());
        }
        status.ifPresent(s -> {
            query.append(" and status = :status");
            parameters.put("status", s);
        });
        query.append(" order by createdAt desc, id");
        return AccessRequest.<AccessRequest>find(query.toString(), parameters).page(0, limit).list().stream()
                .map(r -> RequestView.of(r, deliveries.forRequest(r.id))).toList();
    }

    /**
     * The request, if the caller may see it: a requester sees the requests they made and those about users
     * they own; to them, others' requests do not exist.
     */
    private static AccessRequest visible(UUID id, Caller caller) {
        AccessRequest request = AccessRequest.findById(id);
        if (request == null || !caller.seesAllRequests() && !request.requester.equals(caller.name())
                && !caller.name().equals(request.owner)) {
            throw StewardException.notFound("Request", id);
        }
        return request;
    }
}
