package dev.iamsteward.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a plan as it is stored, hashed and shown in the dry run: an action name and its parameters. The
 * planner and execution work with the typed {@link PlanStep}; this is its stored form.
 */
public record PlannedCall(String action, Map<String, String> parameters) {

    public PlannedCall {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
