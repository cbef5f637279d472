package dev.iamsteward.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The allow-listed catalog of access profiles: the only groups and managed policies requests may grant.
 * Example: {@code steward.catalog.profiles.data-read.groups=data-readers}.
 */
@ConfigMapping(prefix = "steward.catalog")
public interface CatalogConfig {

    /** The access profiles, by name. */
    Map<String, Profile> profiles();

    /** One access profile: what it means in IAM, and how risky it is to grant. */
    interface Profile {

        /** What the profile is for, in words an approver understands. */
        String description();

        /** IAM groups a user joins with ADD_TO_GROUP and leaves with REMOVE_FROM_GROUP. */
        Optional<List<String>> groups();

        /** Managed policy ARNs attached with ATTACH_POLICY and detached with DETACH_POLICY. */
        Optional<List<String>> policyArns();

        /** How risky granting the profile is; approval rules may ask more approvals for higher risk. */
        @WithDefault("LOW")
        Risk risk();
    }

    /** Risk levels of access profiles. */
    enum Risk {
        LOW, MEDIUM, HIGH
    }
}
