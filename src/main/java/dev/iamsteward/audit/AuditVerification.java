package dev.iamsteward.audit;

/**
 * What walking the hash chain found: whether it is intact, how many rows were checked, the first row that does
 * not hold if one does not, and the hash of the last row that held (null when there are no rows). Record
 * {@code rowsChecked} and {@code lastHash} somewhere else: rows removed from the end of the chain leave it
 * intact, and only an earlier head shows they are gone.
 */
public record AuditVerification(boolean intact, long rowsChecked, Break firstBreak, String lastHash) {

    /** The first row whose place, link or content does not match the chain. */
    public record Break(long id, long seq, String reason) {
    }

    /** Why a row breaks the chain, in the words the API reports. */
    enum Reason {
        HASH_MISMATCH("hash mismatch"),
        PREVIOUS_HASH("previous hash does not match"),
        GAP("gap in sequence (row missing)"),
        /** Only a row slipped in before the first one can have a place below the one expected. */
        OUT_OF_SEQUENCE("out of sequence (row inserted)");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        Break at(AuditRecord row) {
            return new Break(row.id(), row.seq(), text);
        }
    }
}
