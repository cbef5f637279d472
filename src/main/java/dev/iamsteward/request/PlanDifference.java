package dev.iamsteward.request;

import java.util.List;
import java.util.Optional;

/** Describes, for people, the first way in which two plans differ. */
final class PlanDifference {

    private PlanDifference() {
    }

    static Optional<String> between(List<PlannedCall> approved, List<PlannedCall> now) {
        for (int i = 0; i < Math.min(approved.size(), now.size()); i++) {
            if (!approved.get(i).equals(now.get(i))) {
                return Optional.of("step " + (i + 1) + " was " + describe(approved.get(i)) + " and would now be "
                        + describe(now.get(i)));
            }
        }
        if (approved.size() != now.size()) {
            return Optional.of("the plan had " + approved.size() + " steps and would now have " + now.size()
                    + (now.size() > approved.size() ? ", the first new one " + describe(now.get(approved.size()))
                    : ""));
        }
        return Optional.empty();
    }

    private static String describe(PlannedCall call) {
        return call.action() + " " + call.parameters();
    }
}
