package dev.iamsteward.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.account.CatalogConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Policies that could not be applied as written stop the service, each with its reason. */
class RotationPolicyCheckTest {

    private static final Map<String, String> CATALOG = Map.of(
            "steward.catalog.profiles.ops.description", "Operate",
            "steward.catalog.profiles.ops.groups", "ops,on-call",
            "steward.catalog.profiles.empty.description", "Nothing",
            // Plain SmallRye Config reads ISO-8601 durations only; Quarkus also reads "1h".
            "steward.rotation.sweep-interval", "PT1H");

    @Test
    void validPoliciesResolveAgainstTheDefaults() {
        RotationPolicies policies = policies(Map.of(
                "steward.rotation.policies.fast.path-prefix", "/iam-steward/fast/",
                "steward.rotation.policies.fast.max-age", "P30D",
                "steward.rotation.policies.ops.profile", "ops"));
        RotationPolicy fast = policies.named("fast");
        assertEquals(Duration.ofDays(30), fast.maxAge());
        assertEquals(Duration.ofDays(7), fast.graceUntilDeactivate(), "inherited from the default policy");
        assertEquals(RotationConfig.DeactivateWhen.WHICHEVER_FIRST, fast.deactivateWhen());
        assertEquals(Duration.ofDays(30), policies.smallestMaxAge());
        assertEquals(RotationPolicy.DEFAULT, policies.named("gone").name(), "a policy no longer configured");
    }

    @Test
    void invalidPoliciesAreRefusedWithEveryReason() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> policies(Map.of(
                "steward.rotation.policies.everyone.max-age", "P10D",
                "steward.rotation.policies.bad-path.path-prefix", "iam-steward",
                "steward.rotation.policies.bad-tag.tag", "rotation",
                "steward.rotation.policies.unknown.profile", "nope",
                "steward.rotation.policies.empty.profile", "empty",
                "steward.rotation.policies.negative.tag", "a=b",
                "steward.rotation.policies.negative.max-age", "-P1D")));
        String message = refused.getMessage();
        assertTrue(message.startsWith("steward.rotation.policies: "), message);
        assertTrue(message.contains("policy 'everyone' names no path-prefix, tag or profile"), message);
        assertTrue(message.contains("path-prefix 'iam-steward' must start and end with '/'"), message);
        assertTrue(message.contains("tag 'rotation' must be written key=value"), message);
        assertTrue(message.contains("profile 'nope' is not in steward.catalog.profiles"), message);
        assertTrue(message.contains("profile 'empty' has neither groups nor policies"), message);
        assertTrue(message.contains("policy 'negative': max-age must be positive"), message);
    }

    @Test
    void policiesThatCouldMatchTheSameUserEquallyAreRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> policies(Map.of(
                "steward.rotation.policies.a.tag", "team=data",
                "steward.rotation.policies.b.tag", "tier=gold")));
        assertTrue(refused.getMessage().contains("policies 'a' and 'b' can match the same user equally"),
                refused.getMessage());
    }

    @Test
    void policiesKeptApartByPathOrTagValueAreAccepted() {
        RotationPolicies policies = policies(Map.of(
                "steward.rotation.policies.a.tag", "team=data",
                "steward.rotation.policies.b.tag", "team=web",
                "steward.rotation.policies.c.path-prefix", "/iam-steward/a/",
                "steward.rotation.policies.d.path-prefix", "/iam-steward/b/",
                "steward.rotation.policies.e.path-prefix", "/iam-steward/a/deeper/"));
        assertEquals("e", policies.named("e").name());
    }

    @Test
    void aPolicyMayNotTakeTheDefaultsName() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> policies(Map.of(
                "steward.rotation.policies.default.tag", "a=b")));
        assertTrue(refused.getMessage().contains("the name is taken"), refused.getMessage());
    }

    private static RotationPolicies policies(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(CATALOG);
        all.putAll(properties);
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(RotationConfig.class)
                .withMapping(CatalogConfig.class).withSources(new PropertiesConfigSource(all, "test", 500)).build();
        return new RotationPolicies(config.getConfigMapping(RotationConfig.class),
                config.getConfigMapping(CatalogConfig.class));
    }
}
