package dev.iamsteward.account;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Looks up access profiles; a name outside the catalog is refused. */
@ApplicationScoped
public class Catalog {

    private final CatalogConfig config;
    private final TargetAccounts accounts;

    Catalog(CatalogConfig config, TargetAccounts accounts) {
        this.config = config;
        this.accounts = accounts;
    }

    /** The profile of this name as the account of this id offers it. */
    public AccessProfile profile(String account, String name) {
        return profile(accounts.get(account).settings(), name);
    }

    /** The profiles one account offers, its policy ARNs naming that account. */
    public List<AccessProfile> all(AccountSettings account) {
        return config.profiles().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> account.offers(e.getKey()))
                .map(e -> of(account, e.getKey(), e.getValue())).sorted(Comparator.comparing(AccessProfile::name))
                .toList();
    }

    /** The profile of this name as the account offers it; 422 when the account offers none of that name. */
    public AccessProfile profile(AccountSettings account, String name) {
        CatalogConfig.Profile profile = name == null || !account.offers(name) ? null : config.profiles().get(name);
        if (profile == null) {
            throw new StewardException(ErrorKind.UNKNOWN_PROFILE, "'" + name + "' is not in the catalog of access "
                    + "profiles of account " + account.id() + "; see GET /v1/access-profiles");
        }
        return of(account, name, profile);
    }

    private static AccessProfile of(AccountSettings account, String name, CatalogConfig.Profile profile) {
        return new AccessProfile(name, profile.description(), profile.groups().orElse(List.of()),
                profile.policyArns().orElse(List.of()).stream().map(account::inAccount).toList(), profile.risk());
    }
}
