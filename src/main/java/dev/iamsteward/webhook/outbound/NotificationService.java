package dev.iamsteward.webhook.outbound;

import dev.iamsteward.common.Cursor;
import dev.iamsteward.common.KeysetQuery;
import dev.iamsteward.common.Page;
import dev.iamsteward.common.Paging;
import dev.iamsteward.common.StewardException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
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
    public Page<NotificationView> failed(Paging paging, UriInfo uri) {
        return KeysetQuery.<Notification>newestFirst("updatedAt", "id", UUID::fromString,
                        n -> new Cursor(n.updatedAt, n.id.toString()))
                .where("state = :failed", "failed", Notification.State.FAILED)
                .page(paging, (query, sort, parameters) -> Notification.find(query, sort, parameters),
                        NotificationView::of, uri);
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

}
