package dev.iamsteward.request;

import java.time.Duration;
import java.util.Set;

/**
 * What a rule allows by way of break-glass: the groups whose members may approve their own request under it
 * when its approvers cannot be reached, how long the access it grants lasts before the service revokes it, and
 * how soon an approver must review the use.
 */
public record BreakGlassTerms(Set<String> groups, Duration accessFor, Duration reviewWithin) {

    public BreakGlassTerms {
        groups = Set.copyOf(groups);
    }
}
