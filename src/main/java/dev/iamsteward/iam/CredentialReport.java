package dev.iamsteward.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IAM's credential report, one row per user and one for the root user ({@code <root_account>}), typed from
 * AWS's documented CSV columns. Dates IAM leaves out ({@code N/A}, {@code no_information},
 * {@code not_supported}) are null; each row keeps its columns as IAM wrote them, for evidence.
 */
public record CredentialReport(Instant generatedAt, List<Row> rows) {

    /** The name IAM gives the root user's row. */
    public static final String ROOT = "<root_account>";

    public CredentialReport {
        rows = List.copyOf(rows);
    }

    /** The root user's row; moto's report, for one, has none. */
    public Optional<Row> root() {
        return rows.stream().filter(Row::isRoot).findFirst();
    }

    /** The IAM users' rows, without the root user's. */
    public List<Row> users() {
        return rows.stream().filter(r -> !r.isRoot()).toList();
    }

    /** One row. {@code passwordEnabled} is null where IAM says {@code not_supported} (the root user). */
    public record Row(String user, String arn, Instant userCreationTime, Boolean passwordEnabled,
            Instant passwordLastUsed, Instant passwordLastChanged, Instant passwordNextRotation, boolean mfaActive,
            KeySlot accessKey1, KeySlot accessKey2, CertSlot cert1, CertSlot cert2, Map<String, String> fields) {

        public Row {
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }

        public boolean isRoot() {
            return ROOT.equals(user);
        }

        /** The IAM path from the user's ARN ({@code arn:aws:iam::123:user/team/ann} is {@code /team/}). */
        public String path() {
            int start = arn.indexOf(":user/");
            return start < 0 ? "/" : arn.substring(start + ":user".length(), arn.lastIndexOf('/') + 1);
        }

        /** The access key slots that hold a key (IAM gives a last-rotated date only for those). */
        public List<KeySlot> keys() {
            return List.of(accessKey1, accessKey2).stream().filter(KeySlot::present).toList();
        }

        /** Whether the user can sign in to the console. */
        public boolean consoleUser() {
            return Boolean.TRUE.equals(passwordEnabled);
        }
    }

    /** One of the two access key columns groups; {@code slot} is 1 or 2. Key ids are not in the report. */
    public record KeySlot(int slot, boolean active, Instant lastRotated, Instant lastUsedDate, String lastUsedRegion,
            String lastUsedService) {

        public boolean present() {
            return lastRotated != null;
        }

        /** The last use, or the creation for a key never used: since when the key has been idle. */
        public Instant idleSince() {
            return lastUsedDate != null ? lastUsedDate : lastRotated;
        }
    }

    /** One of the two signing certificate column groups. */
    public record CertSlot(int slot, boolean active, Instant lastRotated) {
    }
}
