package dev.iamsteward.approval;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** A rule's break-glass settings as configuration gives them when a rule names none: nobody may break glass. */
record NoBreakGlass() implements ApprovalConfig.BreakGlass {

    @Override
    public Optional<Set<String>> groups() {
        return Optional.empty();
    }

    @Override
    public Duration accessFor() {
        return Duration.ofHours(4);
    }

    @Override
    public Duration reviewWithin() {
        return Duration.ofDays(1);
    }
}
