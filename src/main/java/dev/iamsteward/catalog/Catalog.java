package dev.iamsteward.catalog;

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

    Catalog(CatalogConfig config) {
        this.config = config;
    }

    public List<AccessProfile> all() {
        return config.profiles().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> of(e.getKey(), e.getValue())).sorted(Comparator.comparing(AccessProfile::name)).toList();
    }

    /** The profile of this name; 422 when the catalog has none. */
    public AccessProfile profile(String name) {
        CatalogConfig.Profile profile = name == null ? null : config.profiles().get(name);
        if (profile == null) {
            throw new StewardException(ErrorKind.UNKNOWN_PROFILE, "'" + name + "' is not in the catalog of access "
                    + "profiles; see GET /v1/access-profiles");
        }
        return of(name, profile);
    }

    private static AccessProfile of(String name, CatalogConfig.Profile profile) {
        return new AccessProfile(name, profile.description(), profile.groups().orElse(List.of()),
                profile.policyArns().orElse(List.of()), profile.risk());
    }
}
