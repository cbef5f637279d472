package dev.iamsteward.iam.memory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One statement of an identity policy as the in-memory policy simulator evaluates it: exact actions, resource
 * ARNs with {@code *} wildcards, and the condition operators the broker role uses.
 */
public record SimulatedStatement(String sid, boolean allow, Set<String> actions, List<String> resources,
        List<Condition> conditions) {

    public SimulatedStatement {
        actions = actions.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    /** The condition operators the broker's policy uses, with IAM's meaning for a key the request lacks. */
    public enum Operator {
        /** The key is present and equals one of the values; absent: no match. */
        STRING_EQUALS,
        /** The key is absent or equals none of the values: a negated operator matches a missing key. */
        STRING_NOT_EQUALS,
        /** The key is present and matches one of the ARNs (with wildcards); absent: no match. */
        ARN_EQUALS
    }

    /** One condition: operator, key (case-insensitive, as in IAM) and the values it is compared to. */
    public record Condition(Operator operator, String key, Set<String> values) {

        public Condition {
            values = Set.copyOf(values);
        }

        boolean holds(Map<String, String> context) {
            String value = context.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            return switch (operator) {
                case STRING_EQUALS -> value != null && values.contains(value);
                case STRING_NOT_EQUALS -> value == null || !values.contains(value);
                case ARN_EQUALS -> value != null && values.stream().anyMatch(v -> glob(v, value));
            };
        }
    }

    /** Whether this statement applies to the action on the resource under the context. */
    boolean applies(String action, String resourceArn, Map<String, String> context) {
        return actions.contains(action.toLowerCase(Locale.ROOT))
                && resources.stream().anyMatch(r -> glob(r, resourceArn))
                && conditions.stream().allMatch(c -> c.holds(context));
    }

    static boolean glob(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.matches(regex.toString(), value);
    }
}
