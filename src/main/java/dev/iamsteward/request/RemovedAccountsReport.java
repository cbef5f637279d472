package dev.iamsteward.request;

import dev.iamsteward.account.TargetAccounts;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Says at startup which accounts open requests still name although the configuration no longer has them, so that
 * an operator who removed an account learns what waits on it before those requests are refused or fail.
 */
@ApplicationScoped
public class RemovedAccountsReport {

    /** Requests not yet executed: a decision or execution in their account is still to come. */
    static final List<RequestStatus> OPEN = List.of(RequestStatus.PENDING_APPROVAL, RequestStatus.APPROVED);

    private final EntityManager em;
    private final TargetAccounts accounts;

    RemovedAccountsReport(EntityManager em, TargetAccounts accounts) {
        this.em = em;
        this.accounts = accounts;
    }

    void onStart(@Observes StartupEvent start) {
        openRequestsOfRemovedAccounts().forEach((account, counts) -> Log.warn(warning(account, counts)));
    }

    /** For each account open requests name but the configuration does not, how many there are in each status. */
    @Transactional
    public Map<String, Map<RequestStatus, Long>> openRequestsOfRemovedAccounts() {
        List<Object[]> rows = em.createQuery("select r.account, r.status, count(r) from AccessRequest r "
                        + "where r.status in :open and r.account not in :configured group by r.account, r.status",
                        Object[].class)
                .setParameter("open", OPEN).setParameter("configured", accounts.ids()).getResultList();
        Map<String, Map<RequestStatus, Long>> counts = new TreeMap<>();
        for (Object[] row : rows) {
            counts.computeIfAbsent((String) row[0], a -> new EnumMap<>(RequestStatus.class))
                    .put((RequestStatus) row[1], (Long) row[2]);
        }
        return counts;
    }

    /** The log line about one account; it names the account and counts, nothing about who asked for what. */
    static String warning(String account, Map<RequestStatus, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return "Account '" + account + "' is no longer a target account, but " + total + " open request(s) name it ("
                + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "))
                + "): deciding on them is refused and executing them fails at once; configure the account again "
                + "to go on with them";
    }
}
