package dev.iamsteward.webhook.inbound;

import dev.iamsteward.common.Cursor;
import dev.iamsteward.common.KeysetQuery;
import dev.iamsteward.common.Page;
import dev.iamsteward.common.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

/**
 * What admins see of the inbox going wrong: its dead letters (deliveries that ran out of attempts at processing)
 * and the deliveries the service refused (valid, but asking for something it will not do).
 */
@ApplicationScoped
public class FailedDeliveries {

    /** Failed deliveries, most recently failed first, a page at a time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryView> list(Paging paging, UriInfo uri) {
        return page(byLastUpdate().where("state = :failed", "failed", InboundDelivery.State.FAILED), paging, uri);
    }

    /** Refused deliveries, most recently refused first, a page at a time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryView> refused(Paging paging, UriInfo uri) {
        return page(byLastUpdate().where("refusal is not null"), paging, uri);
    }

    /** A delivery's last update is when it failed or was refused, which is what these listings are about. */
    private static KeysetQuery<InboundDelivery> byLastUpdate() {
        return KeysetQuery.newestFirst("updatedAt", "id", Long::valueOf,
                d -> new Cursor(d.updatedAt, d.id.toString()));
    }

    private static Page<DeliveryView> page(KeysetQuery<InboundDelivery> query, Paging paging, UriInfo uri) {
        return query.page(paging, (hql, sort, parameters) -> InboundDelivery.find(hql, sort, parameters),
                DeliveryView::of, uri);
    }
}
