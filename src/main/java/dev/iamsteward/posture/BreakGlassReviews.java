package dev.iamsteward.posture;

import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.Requests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Break-glass approvals whose review is overdue, as findings: one per request, opened when its review is late and
 * resolved once an approver has reviewed it. The posture scan leaves these findings to this class.
 */
@ApplicationScoped
public class BreakGlassReviews {

    private static final String SUBJECT = "request:";

    private final Event<FindingOpened> openings;
    private final PostureMetrics metrics;
    private final Clock clock;

    BreakGlassReviews(Event<FindingOpened> openings, PostureMetrics metrics, Clock clock) {
        this.openings = openings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Opens a finding for each review now overdue and resolves those reviewed since; returns how many opened. */
    public int refresh() {
        int opened = QuarkusTransaction.requiringNew().call(this::record);
        metrics.refreshOpenFindings();
        return opened;
    }

    private int record() {
        Instant now = clock.instant();
        List<AccessRequest> overdue = Requests.overdueBreakGlassReviews(now);
        Set<String> subjects = overdue.stream().map(r -> SUBJECT + r.id).collect(Collectors.toSet());
        int opened = 0;
        for (AccessRequest request : overdue) {
            Observation seen = new Observation(FindingKind.BREAK_GLASS_REVIEW_OVERDUE, SUBJECT + request.id,
                    request.userName, Map.of("requester", request.requester, "requestType", request.type.name(),
                            "rule", request.approval.rule, "reason", request.breakGlass.reason,
                            "brokeGlassAt", request.breakGlass.at.toString(),
                            "reviewDue", request.breakGlass.reviewDue.toString()));
            Finding known = Finding.find("account = ?1 and fingerprint = ?2", request.account, seen.fingerprint())
                    .firstResult();
            if (known == null) {
                Finding finding = Finding.open(request.account, seen, now);
                finding.persist();
                openings.fire(FindingOpened.of(finding, now));
                opened++;
            } else if (known.status != FindingStatus.OPEN) {
                known.seen(seen, now);
                openings.fire(FindingOpened.of(known, now));
                opened++;
            } else {
                known.seen(seen, now);
            }
        }
        for (Finding open : Finding.<Finding>list("kind = ?1 and status = ?2", FindingKind.BREAK_GLASS_REVIEW_OVERDUE,
                FindingStatus.OPEN)) {
            if (!subjects.contains(open.subject)) {
                open.resolve(now);
            }
        }
        return opened;
    }
}
