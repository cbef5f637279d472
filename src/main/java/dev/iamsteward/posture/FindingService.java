package dev.iamsteward.posture;

import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.Cursor;
import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.KeysetQuery;
import dev.iamsteward.common.Page;
import dev.iamsteward.common.Paging;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.request.RequestService;
import dev.iamsteward.request.RequestType;
import dev.iamsteward.request.RequestView;
import dev.iamsteward.request.Requests;
import dev.iamsteward.request.SubmitRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Lists findings, and files the request that fixes one through the normal request path. */
@ApplicationScoped
public class FindingService {

    /** What a listing may be narrowed to; null fields do not narrow it. */
    public record Filter(String account, FindingKind kind, Severity severity, FindingStatus status) {
    }

    private final RequestService requests;
    private final TargetAccounts accounts;

    FindingService(RequestService requests, TargetAccounts accounts) {
        this.requests = requests;
        this.accounts = accounts;
    }

    /** Newest first by when each was first seen, which scans never change, so pages are stable. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FindingView> list(Filter filter, Paging paging, UriInfo uri) {
        return KeysetQuery.<Finding>newestFirst("firstSeen", "id", UUID::fromString,
                        f -> new Cursor(f.firstSeen, f.id.toString()))
                .where("account = :account", "account", filter.account())
                .where("kind = :kind", "kind", filter.kind())
                .where("severity = :severity", "severity", filter.severity())
                .where("status = :status", "status", filter.status())
                .page(paging, (query, sort, parameters) -> Finding.find(query, sort, parameters), FindingView::of, uri);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FindingView get(UUID id) {
        return FindingView.of(find(id, LockModeType.NONE));
    }

    /**
     * Files the finding's remediation as the caller's own request, pre-filled; it then waits for approval like
     * any other. Refused for what only the account owner can fix and while an earlier remediation is open.
     */
    @Transactional
    public RequestView remediate(UUID id, Caller caller) {
        Finding finding = find(id, LockModeType.PESSIMISTIC_WRITE);
        RequestType type = finding.kind.remediation();
        if (type == null) {
            throw new StewardException(ErrorKind.STATE_CONFLICT, "IAM Steward cannot fix " + finding.kind
                    + (finding.kind.ownerAction() == null ? "; key rotation handles it" : ": "
                    + finding.kind.ownerAction()));
        }
        if (finding.remediationRequestId != null
                && !Requests.get(finding.remediationRequestId).status.terminal()) {
            throw new StewardException(ErrorKind.STATE_CONFLICT, "request " + finding.remediationRequestId
                    + " already remediates this finding");
        }
        String reason = "Remediates finding " + finding.id + " (" + finding.kind + " on " + finding.subject + ")";
        String keyId = type == RequestType.DEACTIVATE_ACCESS_KEY ? keyOf(finding) : null;
        RequestView filed = requests.submit(new SubmitRequest(finding.account, type, finding.userName, null, null, null,
                keyId, null, null, reason), caller);
        finding.remediatedBy(filed.id());
        return filed;
    }

    /** The report names keys only by when they were made; IAM's key list tells which id that is. */
    private String keyOf(Finding finding) {
        Instant madeAt = Instant.parse(finding.subject.substring(("key:" + finding.userName + ":").length()));
        return accounts.get(finding.account).directory().listAccessKeys(finding.userName).stream()
                .filter(k -> k.createDate().truncatedTo(ChronoUnit.SECONDS).equals(madeAt))
                .map(AccessKey::accessKeyId).findFirst()
                .orElseThrow(() -> new StewardException(ErrorKind.STATE_CONFLICT, "the key of " + finding.userName
                        + " made at " + madeAt + " is gone; the next scan resolves the finding"));
    }

    private static Finding find(UUID id, LockModeType lock) {
        Finding finding = Finding.findById(id, lock);
        if (finding == null) {
            throw StewardException.notFound("Finding", id);
        }
        return finding;
    }

}
