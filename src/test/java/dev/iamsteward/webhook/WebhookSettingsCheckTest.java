package dev.iamsteward.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook settings startup refuses, and that its message names where, never the secret. */
class WebhookSettingsCheckTest {

    private static final String GOOD = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String NOT_BASE64 = "whsec_not*base64!secret";

    @Test
    void workableSettingsPass() {
        assertDoesNotThrow(() -> WebhookSettingsCheck.check(config(Map.of(
                "steward.webhooks.sources.sn.type", "servicenow",
                "steward.webhooks.sources.sn.secrets", GOOD,
                "steward.webhooks.sources.jira.type", "jira",
                "steward.webhooks.sources.jira.secrets", "any-shared-secret",
                "steward.webhooks.subscribers.portal.url", "https://portal.example.com/hooks",
                "steward.webhooks.subscribers.portal.secrets", GOOD))));
    }

    @Test
    void aWhsecSecretThatIsNotBase64IsRefusedNamingTheSourceAndNotTheSecret() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> WebhookSettingsCheck.check(
                config(Map.of("steward.webhooks.sources.sn.type", "standard",
                        "steward.webhooks.sources.sn.secrets", GOOD + "," + NOT_BASE64))));

        assertTrue(refused.getMessage().contains("webhook source 'sn'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("secret 2 of 2 is not whsec_ followed by a Base64 key"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("not*base64"), "the message holds the secret");
        assertFalse(refused.getMessage().contains(GOOD.substring(6)), "the message holds the secret");
    }

    @Test
    void signingSourcesWithoutSecretsAreRefusedEachByName() {
        List<String> problems = WebhookSettingsCheck.problems(config(Map.of(
                "steward.webhooks.sources.a-standard.type", "standard",
                "steward.webhooks.sources.a-jira.type", "jira",
                "steward.webhooks.sources.a-servicenow.type", "servicenow",
                "steward.webhooks.sources.a-bearer.type", "bearer")));

        assertEquals(List.of(
                "webhook source 'a-bearer' (steward.webhooks.sources.a-bearer.secrets) has no token",
                "webhook source 'a-jira' (steward.webhooks.sources.a-jira.secrets) has no secret",
                "webhook source 'a-servicenow' (steward.webhooks.sources.a-servicenow.secrets) has no secret",
                "webhook source 'a-standard' (steward.webhooks.sources.a-standard.secrets) has no secret"), problems);
    }

    @Test
    void aSubscriberWithoutSecretsOrWithABadOneIsRefused() {
        List<String> problems = WebhookSettingsCheck.problems(config(Map.of(
                "steward.webhooks.subscribers.unsigned.url", "https://a.example.com/hooks",
                "steward.webhooks.subscribers.garbled.url", "https://b.example.com/hooks",
                "steward.webhooks.subscribers.garbled.secrets", NOT_BASE64)));

        assertEquals(List.of(
                "webhook subscriber 'garbled' (steward.webhooks.subscribers.garbled.secrets): secret 1 of 1 is not "
                        + "whsec_ followed by a Base64 key",
                "webhook subscriber 'unsigned' (steward.webhooks.subscribers.unsigned.secrets) has no secret"),
                problems);
    }

    @Test
    void aRetentionShorterThanSourcesRetryIsRefused() {
        List<String> problems = WebhookSettingsCheck.problems(config(Map.of("steward.webhooks.retention", "PT30M")));

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("steward.webhooks.retention is PT30M"), problems.get(0));
        assertEquals(List.of(), WebhookSettingsCheck.problems(config(Map.of("steward.webhooks.retention", "1h"))));
    }

    private static WebhookConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(WebhookConfig.class)
                // Quarkus' own converter, so "5m" in @WithDefault parses as it does in the application.
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(new HashMap<>(properties), "webhook-settings-test", 500))
                .build().getConfigMapping(WebhookConfig.class);
    }
}
