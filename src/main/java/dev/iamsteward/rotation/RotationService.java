package dev.iamsteward.rotation;

import dev.iamsteward.common.Caller;
import dev.iamsteward.common.Cursor;
import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.Page;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.request.RequestService;
import dev.iamsteward.request.RequestType;
import dev.iamsteward.request.RequestView;
import dev.iamsteward.request.SubmitRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Lists rotations, and rolls one back by filing the old key's reactivation. */
@ApplicationScoped
public class RotationService {

    private final RequestService requests;
    private final RotationMetrics metrics;
    private final Clock clock;

    RotationService(RequestService requests, RotationMetrics metrics, Clock clock) {
        this.requests = requests;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Newest first by start, which never changes, so pages are stable; a key rotated again has a row each time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RotationView> list(String userName, String accessKeyId, int limit, String cursor, UriInfo uri) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (userName != null) {
            where.add("lower(r.userName) = lower(:user)");
            parameters.put("user", userName);
        }
        if (accessKeyId != null) {
            where.add("r.oldKeyId = :key");
            parameters.put("key", accessKeyId);
        }
        if (cursor != null) {
            Cursor after = Cursor.decode(cursor);
            where.add("(r.startedAt < :at or r.startedAt = :at and r.id < :id)");
            parameters.put("at", after.at());
            parameters.put("id", uuid(after.key()));
        }
        String query = "from KeyRotation r" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by r.startedAt desc, r.id desc";
        List<KeyRotation> rows = KeyRotation.<KeyRotation>find(query, parameters).page(0, limit + 1).list();
        return Page.ofKeyset(rows, limit, r -> new Cursor(r.startedAt, r.id.toString()), RotationView::of, uri);
    }

    /**
     * The latest rotation of each of these keys, by the old key's id: the one under way if there is one, since a
     * key is rotated again only once its earlier rotations have ended.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, RotationView> replacing(Collection<String> keyIds) {
        if (keyIds.isEmpty()) {
            return Map.of();
        }
        return KeyRotation.<KeyRotation>list("oldKeyId in ?1 order by startedAt desc, id desc", keyIds).stream()
                .collect(Collectors.toMap(r -> r.oldKeyId, RotationView::of, (latest, earlier) -> latest));
    }

    /**
     * Rolls back a rotation whose old key is deactivated and not yet deleted: files its reactivation as the
     * caller's request, which waits for approval like any other; the rotation stops there.
     */
    @Transactional
    public RequestView rollback(UUID id, Caller caller) {
        KeyRotation rotation = KeyRotation.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (rotation == null) {
            throw StewardException.notFound("Rotation", id);
        }
        if (rotation.status != RotationStatus.DEACTIVATED) {
            throw new StewardException(ErrorKind.STATE_CONFLICT, "only a rotation whose old key is deactivated and "
                    + "not yet deleted can be rolled back; this one is " + rotation.status);
        }
        RequestView filed = requests.submit(new SubmitRequest(rotation.account, RequestType.REACTIVATE_ACCESS_KEY,
                rotation.userName, null, null, null, rotation.oldKeyId, null, null,
                "roll back rotation " + rotation.id), caller);
        rotation.move(RotationStatus.ROLLED_BACK, clock.instant(), "rolled back by " + caller.name()
                + " with request " + filed.id());
        rotation.stepRequestId = filed.id();
        metrics.moved(RotationStatus.DEACTIVATED, RotationStatus.ROLLED_BACK);
        return filed;
    }

    static UUID uuid(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw StewardException.invalid("cursor is not one this service handed out");
        }
    }
}
