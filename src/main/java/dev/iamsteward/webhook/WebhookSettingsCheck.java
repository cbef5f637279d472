package dev.iamsteward.webhook;

import dev.iamsteward.common.Secret;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Refuses to start on webhook settings that could not work: a source or subscriber without secrets, a
 * {@code whsec_} secret that is not Base64, a retention shorter than sources retry. Its messages name the
 * source or subscriber and the setting, never a secret.
 */
@ApplicationScoped
class WebhookSettingsCheck {

    /** Longer than any source retries a delivery (Jira: about 30 minutes), so a retry is always a duplicate. */
    static final Duration SOURCE_RETRIES = Duration.ofHours(1);

    private static final String WHSEC = "whsec_";

    void onStart(@Observes StartupEvent event, WebhookConfig config) {
        check(config);
    }

    /** Throws with every problem of the settings, one a line; returns quietly when there is none. */
    static void check(WebhookConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The webhook settings cannot work:\n  " + String.join("\n  ", problems));
        }
    }

    static List<String> problems(WebhookConfig config) {
        List<String> problems = new ArrayList<>();
        new TreeMap<>(config.sources()).forEach((id, source) -> {
            String where = "webhook source '" + id + "' (steward.webhooks.sources." + id + ".secrets)";
            if (source.secretList().isEmpty()) {
                problems.add(where + " has no " + (source.type() == WebhookConfig.Type.BEARER ? "token" : "secret"));
            } else if (source.type() == WebhookConfig.Type.STANDARD
                    || source.type() == WebhookConfig.Type.SERVICENOW) {
                whsec(where, source.secretList(), problems);
            }
        });
        for (Map.Entry<String, WebhookConfig.Subscriber> subscriber : new TreeMap<>(config.subscribers()).entrySet()) {
            String where = "webhook subscriber '" + subscriber.getKey() + "' (steward.webhooks.subscribers."
                    + subscriber.getKey() + ".secrets)";
            if (subscriber.getValue().secretList().isEmpty()) {
                problems.add(where + " has no secret");
            } else {
                whsec(where, subscriber.getValue().secretList(), problems);
            }
        }
        Duration least = config.tolerance().compareTo(SOURCE_RETRIES) > 0 ? config.tolerance() : SOURCE_RETRIES;
        if (config.retention().compareTo(least) < 0) {
            problems.add("steward.webhooks.retention is " + config.retention() + ": a delivery id must be known as a "
                    + "duplicate for at least " + least + ", as long as sources retry and signed timestamps last");
        }
        return problems;
    }

    /** Each secret must be {@code whsec_} and a Base64 key; which one is wrong is said by its place in the list. */
    private static void whsec(String where, List<Secret> secrets, List<String> problems) {
        for (int i = 0; i < secrets.size(); i++) {
            String value = secrets.get(i).reveal();
            if (!value.startsWith(WHSEC) || !base64(value.substring(WHSEC.length()))) {
                problems.add(where + ": secret " + (i + 1) + " of " + secrets.size()
                        + " is not whsec_ followed by a Base64 key");
            }
        }
    }

    private static boolean base64(String text) {
        try {
            return Base64.getDecoder().decode(text).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
