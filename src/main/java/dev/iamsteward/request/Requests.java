package dev.iamsteward.request;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The questions other packages ask about requests, each answered here by one query, so that the request
 * package alone knows how requests are stored. Each runs in the caller's transaction.
 */
public final class Requests {

    private Requests() {
    }

    /** The request, read without a lock. */
    public static Optional<AccessRequest> find(UUID id) {
        return AccessRequest.findByIdOptional(id);
    }

    /** The request, which the caller knows exists (it holds a reference to it), read without a lock. */
    public static AccessRequest get(UUID id) {
        return find(id).orElseThrow(() -> new IllegalStateException("request " + id + " does not exist"));
    }

    /** The request, its row locked until the caller's transaction ends, for a change. */
    public static Optional<AccessRequest> lockForUpdate(UUID id) {
        return AccessRequest.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The requests whose execution waits for their owner's MFA codes. */
    public static List<AccessRequest> awaitingMfaCodes() {
        return AccessRequest.list("status", RequestStatus.AWAITING_MFA_CODES);
    }

    /** The requests approved by break-glass whose review was due by {@code now} and has not been given. */
    public static List<AccessRequest> overdueBreakGlassReviews(Instant now) {
        return AccessRequest.list("breakGlass.at is not null and breakGlass.reviewedAt is null "
                + "and breakGlass.reviewDue <= ?1", now);
    }

    /** The request filed from ticket {@code key} of ticketing source {@code sourceId}; one ticket files one. */
    public static Optional<AccessRequest> fromTicket(String sourceId, String key) {
        return AccessRequest.find("ticket.source = ?1 and ticket.key = ?2", sourceId, key).firstResultOptional();
    }

    /** The requests about a user of the account, newest first. */
    public static List<AccessRequest> aboutUser(String account, String userName) {
        return AccessRequest.list("account = ?1 and lower(userName) = ?2 order by createdAt desc, id", account,
                userName.toLowerCase(Locale.ROOT));
    }

    /** The users (lower case) of the account that a request of this service created. */
    public static Set<String> createdUsers(String account) {
        return Set.copyOf(AccessRequest.getEntityManager().createQuery("select distinct lower(r.userName) from "
                        + "AccessRequest r where r.account = :account and r.type = :type and r.status = :status",
                        String.class)
                .setParameter("account", account)
                .setParameter("type", RequestType.CREATE_USER).setParameter("status", RequestStatus.SUCCEEDED)
                .getResultList());
    }

    /**
     * The user's owner as the last request that succeeded and named one said (its creation, or any request whose
     * plan read the owner tag); none for a user the service never acted on.
     */
    public static Optional<String> lastKnownOwner(String account, String userName) {
        return AccessRequest.getEntityManager().createQuery(
                "select r.owner from AccessRequest r where r.account = :account and lower(r.userName) = lower(:user) "
                        + "and r.owner is not null and r.status = :succeeded order by r.completedAt desc", String.class)
                .setParameter("account", account).setParameter("user", userName)
                .setParameter("succeeded", RequestStatus.SUCCEEDED).setMaxResults(1).getResultStream().findFirst();
    }

    /** Writes the changes made to requests in this transaction to the database, ahead of a query that must see them. */
    public static void flush() {
        AccessRequest.getEntityManager().flush();
    }
}
