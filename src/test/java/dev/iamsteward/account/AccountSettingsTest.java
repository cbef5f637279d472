package dev.iamsteward.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.aws.AwsConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What startup accepts as target accounts, read by SmallRye Config from properties as the application reads them. */
class AccountSettingsTest {

    private static final String PROD = "steward.accounts.prod.";
    private static final Map<String, String> TWO = Map.of(
            PROD + "account-id", "111122223333",
            PROD + "role-arn", "arn:aws:iam::111122223333:role/iam-steward-broker",
            PROD + "external-id", "prod-external",
            PROD + "permissions-boundary-arn", "arn:aws:iam::111122223333:policy/boundary",
            "steward.accounts.dev.account-id", "444455556666",
            "steward.accounts.dev.role-arn", "arn:aws:iam::444455556666:role/iam-steward-broker",
            "steward.accounts.dev.permissions-boundary-arn", "arn:aws:iam::aws:policy/ReadOnlyAccess",
            "steward.accounts.dev.managed-path", "/dev-team/",
            "steward.accounts.dev.profiles", "data-read");

    @Test
    void configuredAccountsAreReadInTheOrderOfTheirIds() {
        List<AccountSettings> accounts = read(TWO);

        assertEquals(List.of("dev", "prod"), accounts.stream().map(AccountSettings::id).toList());
        AccountSettings dev = accounts.get(0);
        assertEquals("/dev-team/", dev.managedPath());
        assertTrue(dev.offers("data-read") && !dev.offers("ops"));
        assertEquals("arn:aws:iam::444455556666:policy/data-read",
                dev.inAccount("arn:aws:iam::{account-id}:policy/data-read"));
        assertEquals("/iam-steward/", accounts.get(1).managedPath());
        assertTrue(accounts.get(1).offers("ops"), "every profile when none are listed");
    }

    @Test
    void withoutAccountsTheOlderSettingsAreTheDefaultAccount() {
        List<AccountSettings> accounts = read(Map.of(
                "steward.iam.permissions-boundary-arn", "arn:aws:iam::123456789012:policy/boundary",
                "steward.aws.role-arn", "arn:aws:iam::123456789012:role/broker",
                "steward.aws.external-id", "old-external"));

        assertEquals(1, accounts.size());
        assertEquals(new AccountSettings("default", "123456789012",
                java.util.Optional.of("arn:aws:iam::123456789012:role/broker"),
                java.util.Optional.of("old-external"), "/iam-steward/", "arn:aws:iam::123456789012:policy/boundary",
                java.util.Optional.empty()), accounts.get(0));
    }

    @Test
    void startupRefusesWhatCannotBeRight() {
        refused(Map.of("steward.accounts.dev.account-id", "111122223333",
                "steward.accounts.dev.role-arn", "arn:aws:iam::111122223333:role/other"), "configured twice");
        refused(Map.of(PROD + "account-id", "1111"), "twelve digits");
        refused(Map.of(PROD + "role-arn", "arn:aws:iam::999999999999:role/broker"), "role of account 111122223333");
        refused(Map.of(PROD + "permissions-boundary-arn", "arn:aws:iam::999999999999:policy/b"),
                "policy of account 111122223333 or AWS managed");
        refused(Map.of(PROD + "managed-path", "iam-steward"), "managed-path");
        refused(Map.of(PROD + "profiles", "data-read,nonesuch"), "'nonesuch'");
        refused(Map.of(PROD + "role-arn", "not-an-arn"), "not an ARN");
    }

    @Test
    void theAwsBackendNeedsEachAccountsBrokerRole() {
        Map<String, String> properties = new HashMap<>(TWO);
        properties.remove("steward.accounts.dev.role-arn");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> read(properties));
        assertTrue(refused.getMessage().contains("steward.accounts.dev.role-arn is required"), refused.getMessage());
    }

    private static void refused(Map<String, String> overrides, String why) {
        Map<String, String> properties = new HashMap<>(TWO);
        properties.putAll(overrides);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> read(properties),
                overrides.toString());
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }

    private static List<AccountSettings> read(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(Map.of("steward.iam.backend", "aws"));
        properties.putAll(overrides);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(AccountsConfig.class).withMapping(IamConfig.class).withMapping(AwsConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "accounts-test", 500))
                .build();
        return AccountSettings.of(config.getConfigMapping(AccountsConfig.class),
                config.getConfigMapping(IamConfig.class), config.getConfigMapping(AwsConfig.class),
                Set.of("data-read", "ops"));
    }
}
