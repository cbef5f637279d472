package dev.iamsteward.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Walks the audit hash chain from its first row and recomputes every link and hash, a batch of rows at a time.
 * Rows appended while it walks are left for the next verification: it checks the chain up to the head it found.
 */
@ApplicationScoped
public class ChainVerifier {

    private final EntityManager em;
    private final AuditConfig config;

    ChainVerifier(EntityManager em, AuditConfig config) {
        this.em = em;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AuditVerification verify() {
        Long head = em.createQuery("select max(e.seq) from AuditEvent e", Long.class).getSingleResult();
        long after = Long.MIN_VALUE;
        long checked = 0;
        String previous = null;
        List<AuditRecord> batch;
        do {
            batch = head == null ? List.of() : batchAfter(after, head);
            for (AuditRecord row : batch) {
                AuditVerification.Break broken = check(row, checked + 1, previous == null ? AuditChain.GENESIS
                        : previous);
                checked++;
                if (broken != null) {
                    return new AuditVerification(false, checked, broken, previous);
                }
                after = row.seq();
                previous = row.hash();
            }
        } while (batch.size() == config.verifyBatchSize());
        return new AuditVerification(true, checked, null, previous);
    }

    /** The first thing wrong with a row, in the order that names the cause rather than its consequence. */
    private static AuditVerification.Break check(AuditRecord row, long expectedSeq, String previousHash) {
        if (row.seq() > expectedSeq) {
            return AuditVerification.Reason.GAP.at(row);
        }
        if (row.seq() < expectedSeq) {
            return AuditVerification.Reason.OUT_OF_SEQUENCE.at(row);
        }
        if (!previousHash.equals(row.prevHash())) {
            return AuditVerification.Reason.PREVIOUS_HASH.at(row);
        }
        if (!AuditChain.hash(row).equals(row.hash())) {
            return AuditVerification.Reason.HASH_MISMATCH.at(row);
        }
        return null;
    }

    /** Keyset batches read as records, so nothing piles up in the persistence context however long the log. */
    private List<AuditRecord> batchAfter(long seq, long head) {
        return em.createQuery(AuditRecord.SELECT + " where e.seq > :after and e.seq <= :head order by e.seq",
                        AuditRecord.class)
                .setParameter("after", seq).setParameter("head", head)
                .setMaxResults(config.verifyBatchSize()).getResultList();
    }
}
