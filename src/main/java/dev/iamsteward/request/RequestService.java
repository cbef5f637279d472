package dev.iamsteward.request;

import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.StewardException;
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
    private final AuditLog audit;
    private final Clock clock;

    RequestService(RequestPlanner planner, AuditLog audit, Clock clock) {
        this.planner = planner;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public RequestView submit(SubmitRequest submission, Caller caller) {
        String path = planner.pathFor(submission);
        Instant now = clock.instant();
        AccessRequest request = AccessRequest.submit(submission.type(), caller.name(), submission.userName(), path,
                submission.tagsOrEmpty(), submission.reason(), List.of(), now);
        request.plan = planner.plan(request.id, caller.name(), submission, path);
        request.persist();
        audit.record(new StatusChange(request.id, null, request.status, caller.name(), now, submission.reason())
                .audit("request.submitted"));
        return RequestView.of(request);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RequestView get(UUID id, Caller caller) {
        return RequestView.of(visible(id, caller));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RequestView> list(Caller caller, Optional<RequestStatus> status, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (!caller.seesAllRequests()) {
            query.append(" and requester = :requester");
            parameters.put("requester", caller.name());
        }
        status.ifPresent(s -> {
            query.append(" and status = :status");
            parameters.put("status", s);
        });
        query.append(" order by createdAt desc, id");
        return AccessRequest.<AccessRequest>find(query.toString(), parameters).page(0, limit).list().stream()
                .map(RequestView::of).toList();
    }

    /** The request, if the caller may see it; a requester sees only their own, and others' do not exist. */
    private static AccessRequest visible(UUID id, Caller caller) {
        AccessRequest request = AccessRequest.findById(id);
        if (request == null || !caller.seesAllRequests() && !request.requester.equals(caller.name())) {
            throw StewardException.notFound("Request", id);
        }
        return request;
    }
}
