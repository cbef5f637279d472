package dev.iamsteward.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The catalog as each account offers it: the account's subset, its id in policy ARNs, and unknown names refused. */
class CatalogTest {

    private static final String BOUNDARY = "arn:aws:iam::111111111111:policy/boundary";

    private final Catalog catalog = new Catalog(config(Map.of(
            "data-read", profile("read the data lake", List.of("data-readers"),
                    List.of("arn:aws:iam::{account-id}:policy/data-read"), CatalogConfig.Risk.LOW),
            "billing", profile("see the bills", List.of(), List.of("arn:aws:iam::aws:policy/job-function/Billing"),
                    CatalogConfig.Risk.MEDIUM),
            "admin", profile("everything", List.of("admins"), List.of(), CatalogConfig.Risk.HIGH))), null);

    private final AccountSettings everything = account("alpha", "111111111111", Optional.empty());
    private final AccountSettings someOnly = account("beta", "222222222222", Optional.of(List.of("data-read")));

    @Test
    void anAccountWithoutAListOffersEveryProfileByName() {
        assertEquals(List.of("admin", "billing", "data-read"),
                catalog.all(everything).stream().map(AccessProfile::name).toList());
    }

    @Test
    void anAccountWithAListOffersOnlyThose() {
        assertEquals(List.of("data-read"), catalog.all(someOnly).stream().map(AccessProfile::name).toList());
    }

    @Test
    void thePlaceholderInPolicyArnsNamesTheAccountAndAwsManagedOnesStay() {
        assertEquals(List.of("arn:aws:iam::222222222222:policy/data-read"),
                catalog.profile(someOnly, "data-read").policyArns());
        assertEquals(List.of("arn:aws:iam::111111111111:policy/data-read"),
                catalog.profile(everything, "data-read").policyArns());
        AccessProfile billing = catalog.profile(everything, "billing");
        assertEquals(List.of("arn:aws:iam::aws:policy/job-function/Billing"), billing.policyArns());
        assertEquals(List.of(), billing.groups());
        assertEquals(CatalogConfig.Risk.MEDIUM, billing.risk());
    }

    @Test
    void aProfileTheAccountDoesNotOfferIsRefusedLikeOneThatDoesNotExist() {
        StewardException notOffered = assertThrows(StewardException.class, () -> catalog.profile(someOnly, "admin"));
        assertEquals(ErrorKind.UNKNOWN_PROFILE, notOffered.kind());
        StewardException unknown = assertThrows(StewardException.class,
                () -> catalog.profile(everything, "root-access"));
        assertEquals(ErrorKind.UNKNOWN_PROFILE, unknown.kind());
        assertThrows(StewardException.class, () -> catalog.profile(everything, null));
    }

    private static AccountSettings account(String id, String accountId, Optional<List<String>> profiles) {
        return new AccountSettings(id, accountId, Optional.empty(), Optional.empty(), "/iam-steward/", BOUNDARY,
                profiles);
    }

    private static CatalogConfig config(Map<String, CatalogConfig.Profile> profiles) {
        return () -> profiles;
    }

    private static CatalogConfig.Profile profile(String description, List<String> groups, List<String> policies,
            CatalogConfig.Risk risk) {
        return new CatalogConfig.Profile() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public Optional<List<String>> groups() {
                return Optional.of(groups);
            }

            @Override
            public Optional<List<String>> policyArns() {
                return Optional.of(policies);
            }

            @Override
            public CatalogConfig.Risk risk() {
                return risk;
            }
        };
    }
}
