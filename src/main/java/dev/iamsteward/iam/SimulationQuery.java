package dev.iamsteward.iam;

import java.util.List;
import java.util.Map;

/**
 * One call of the policy simulator: actions ({@code iam:CreateUser}) on resource ARNs, with condition keys set
 * to one string value each ({@code iam:PermissionsBoundary}, {@code iam:PolicyARN}); a key left out is absent.
 */
public record SimulationQuery(List<String> actions, List<String> resourceArns, Map<String, String> context) {

    public SimulationQuery {
        actions = List.copyOf(actions);
        resourceArns = List.copyOf(resourceArns);
        context = Map.copyOf(context);
        if (actions.isEmpty() || resourceArns.isEmpty()) {
            throw new IllegalArgumentException("a simulation needs at least one action and one resource");
        }
    }
}
