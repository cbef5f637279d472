package dev.iamsteward.rotation;

import dev.iamsteward.account.CatalogConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rotation policies, checked at startup, and the choice of the one that applies to a user: the most
 * specific match wins (a profile outweighs a tag, which outweighs a path; of two paths the longer), and the
 * default policy applies when none matches.
 */
@Startup
@ApplicationScoped
public class RotationPolicies {

    private final RotationPolicy defaults;
    private final Map<String, RotationConfig.Policy> configured;
    private final CatalogConfig catalog;
    private final List<String> bySpecificity;

    RotationPolicies(RotationConfig config, CatalogConfig catalog) {
        this.defaults = RotationPolicy.ofDefaults(config);
        this.configured = config.policies();
        this.catalog = catalog;
        new RotationPolicyCheck(config, catalog).check();
        this.bySpecificity = configured.keySet().stream()
                .sorted(Comparator.comparing(configured::get, mostSpecificFirst())).toList();
    }

    /** The policy of this name, or the default one for a name no longer configured (or null). */
    public RotationPolicy named(String name) {
        RotationConfig.Policy policy = name == null ? null : configured.get(name);
        return policy == null ? defaults : RotationPolicy.of(name, policy, defaults);
    }

    /** The youngest age at which any policy rotates a key: the credential report is filtered with it. */
    Duration smallestMaxAge() {
        return Stream.concat(Stream.of(defaults), configured.keySet().stream().map(this::named))
                .map(RotationPolicy::maxAge).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** The most specific policy that matches the user, reading from IAM only what the policies tested need. */
    RotationPolicy choose(UserFacts user) {
        for (String name : bySpecificity) {
            if (matches(configured.get(name), user)) {
                return named(name);
            }
        }
        return defaults;
    }

    private boolean matches(RotationConfig.Policy policy, UserFacts user) {
        if (policy.pathPrefix().isPresent() && !user.path().startsWith(policy.pathPrefix().get())) {
            return false;
        }
        if (policy.tag().isPresent()) {
            String[] tag = policy.tag().get().split("=", 2);
            if (!tag[1].equals(user.tags().get(tag[0]))) {
                return false;
            }
        }
        if (policy.profile().isPresent()) {
            CatalogConfig.Profile profile = catalog.profiles().get(policy.profile().get());
            return user.holds(profile.groups().orElse(List.of()), profile.policyArns().orElse(List.of()));
        }
        return true;
    }

    /** Profile outweighs tag outweighs path. */
    static int weight(RotationConfig.Policy p) {
        return (p.profile().isPresent() ? 4 : 0) + (p.tag().isPresent() ? 2 : 0) + (p.pathPrefix().isPresent() ? 1 : 0);
    }

    /** Most specific first: by weight, then the longer path; the check refuses policies this cannot order. */
    static Comparator<RotationConfig.Policy> mostSpecificFirst() {
        return Comparator.comparingInt(RotationPolicies::weight)
                .thenComparingInt((RotationConfig.Policy p) -> p.pathPrefix().map(String::length).orElse(0))
                .reversed();
    }
}
