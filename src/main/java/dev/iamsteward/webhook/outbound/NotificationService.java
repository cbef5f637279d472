package dev.iamsteward.webhook.outbound;

import dev.iamsteward.common.Cursor;
import dev.iamsteward.common.Page;
import dev.iamsteward.common.StewardException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The dead letters of the outbox: notifications that ran out of attempts, and sending one again. */
@ApplicationScoped
public class NotificationService {

    private final Clock clock;

    NotificationService(Clock clock) {
        this.clock = clock;
    }

    /** Failed notifications, most recently failed first, a page at a time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<NotificationView> failed(int limit, String cursor, UriInfo uri) {
        String query = "state = :failed";
        Parameters parameters = Parameters.with("failed", Notification.State.FAILED);
        if (cursor != null) {
            Cursor after = Cursor.decode(cursor);
            query += " and (updatedAt < :at or (updatedAt = :at and id < :id))";
            parameters.and("at", after.at()).and("id", id(after.key()));
        }
        List<Notification> rows = Notification.<Notification>find(query + " order by updatedAt desc, id desc",
                parameters).page(0, limit + 1).list();
        return Page.ofKeyset(rows, limit, n -> new Cursor(n.updatedAt, n.id.toString()), NotificationView::of, uri);
    }

    /** Sends a failed notification again, with a fresh set of attempts; the same webhook-id as before. */
    @Transactional
    public NotificationView redeliver(UUID id) {
        Notification n = Notification.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (n == null) {
            throw StewardException.notFound("Notification", id);
        }
        n.redeliver(clock.instant());
        return NotificationView.of(n);
    }

    private static UUID id(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw StewardException.invalid("cursor is not one this service handed out");
        }
    }
}
