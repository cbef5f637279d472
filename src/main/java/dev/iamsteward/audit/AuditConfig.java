package dev.iamsteward.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the audit log is read back. */
@ConfigMapping(prefix = "steward.audit")
public interface AuditConfig {

    /** Rows the chain verification reads at a time, so that verifying never holds the whole log in memory. */
    @WithDefault("1000")
    int verifyBatchSize();
}
