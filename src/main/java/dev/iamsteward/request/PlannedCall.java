package dev.iamsteward.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One IAM call a request will make when it is executed, as the dry-run plan shows it. */
public record PlannedCall(String action, Map<String, String> parameters) {

    public PlannedCall {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
