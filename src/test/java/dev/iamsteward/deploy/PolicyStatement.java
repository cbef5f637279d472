package dev.iamsteward.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** One statement of a resolved IAM policy, with Action and Resource always as lists. */
record PolicyStatement(String sid, String effect, List<String> actions, List<String> notActions,
        List<String> resources, List<String> notResources, JsonNode principal, JsonNode condition) {

    static List<PolicyStatement> of(JsonNode document) {
        List<PolicyStatement> statements = new ArrayList<>();
        JsonNode all = CloudFormationTemplate.document(document).path("Statement");
        for (JsonNode s : all.isArray() ? all : List.of(all)) {
            statements.add(new PolicyStatement(s.path("Sid").asText(""), s.path("Effect").asText(),
                    strings(s.path("Action")), strings(s.path("NotAction")), strings(s.path("Resource")),
                    strings(s.path("NotResource")), s.path("Principal"), s.path("Condition")));
        }
        return statements;
    }

    boolean allow() {
        return effect.equals("Allow");
    }

    /** Whether one of this statement's action patterns covers {@code action} (IAM matches them case-insensitively). */
    boolean covers(String action) {
        return actions.stream().anyMatch(pattern -> matches(pattern, action));
    }

    /** The condition's values for one operator and key, empty when the condition has none. */
    List<String> conditionValues(String operator, String key) {
        return strings(condition.path(operator).path(key));
    }

    static boolean matches(String pattern, String value) {
        String regex = Pattern.quote(pattern.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return value.toLowerCase(Locale.ROOT).matches(regex);
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(node.asText());
        }
        return List.copyOf(values);
    }
}
