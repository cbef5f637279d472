package dev.iamsteward.request;

import java.util.Map;

/** One IAM call a request will make when it is executed, as the dry-run plan shows it. */
public record PlannedCall(String action, Map<String, String> parameters) {

    public PlannedCall {
        parameters = Map.copyOf(parameters);
    }
}
