package dev.iamsteward.webhook.inbound;

import dev.iamsteward.common.Cursor;
import dev.iamsteward.common.Page;
import dev.iamsteward.common.StewardException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * What admins see of the inbox going wrong: its dead letters (deliveries that ran out of attempts at processing)
 * and the deliveries the service refused (valid, but asking for something it will not do).
 */
@ApplicationScoped
public class FailedDeliveries {

    /** Failed deliveries, most recently failed first, a page at a time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryView> list(int limit, String cursor, UriInfo uri) {
        return page("state = :failed", Parameters.with("failed", InboundDelivery.State.FAILED), limit, cursor, uri);
    }

    /** Refused deliveries, most recently refused first, a page at a time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryView> refused(int limit, String cursor, UriInfo uri) {
        return page("refusal is not null", new Parameters(), limit, cursor, uri);
    }

    private Page<DeliveryView> page(String query, Parameters parameters, int limit, String cursor, UriInfo uri) {
        if (cursor != null) {
            Cursor after = Cursor.decode(cursor);
            query += " and (updatedAt < :at or (updatedAt = :at and id < :id))";
            parameters.and("at", after.at()).and("id", id(after.key()));
        }
        List<InboundDelivery> rows = InboundDelivery.<InboundDelivery>find(query
                + " order by updatedAt desc, id desc", parameters).page(0, limit + 1).list();
        return Page.ofKeyset(rows, limit, d -> new Cursor(d.updatedAt, d.id.toString()), DeliveryView::of, uri);
    }

    private static long id(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw StewardException.invalid("cursor is not one this service handed out");
        }
    }
}
