package dev.iamsteward.rotation;

import dev.iamsteward.account.CatalogConfig;
import dev.iamsteward.iam.IamNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Refuses, at startup, rotation policies that could not be applied as written, with every reason at once. */
final class RotationPolicyCheck {

    private final RotationConfig config;
    private final CatalogConfig catalog;
    private final List<String> problems = new ArrayList<>();

    RotationPolicyCheck(RotationConfig config, CatalogConfig catalog) {
        this.config = config;
        this.catalog = catalog;
    }

    void check() {
        positive("the default policy", config.maxAge(), config.graceUntilDeactivate(), config.graceUntilDelete());
        if (config.inUseWindow().isNegative()) {
            problems.add("in-use-window must not be negative");
        }
        if (!positive(config.exemptionMaxLength())) {
            problems.add("exemption-max-length must be positive");
        }
        Map<String, RotationConfig.Policy> policies = config.policies();
        policies.forEach(this::checkOne);
        List<String> names = new ArrayList<>(policies.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (ambiguous(policies.get(names.get(i)), policies.get(names.get(j)))) {
                    problems.add("policies '" + names.get(i) + "' and '" + names.get(j) + "' can match the same user "
                            + "equally specifically; add a path or tag to one of them, or merge them");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("steward.rotation.policies: " + String.join("; ", problems));
        }
    }

    private void checkOne(String name, RotationConfig.Policy p) {
        String it = "policy '" + name + "'";
        if (RotationPolicy.DEFAULT.equals(name)) {
            problems.add(it + ": the name is taken by the top-level values, which are the default policy");
        }
        if (name.length() > 64) {
            problems.add(it + ": the name must be at most 64 characters");
        }
        if (RotationPolicies.weight(p) == 0) {
            problems.add(it + " names no path-prefix, tag or profile, so it would match everyone; the top-level "
                    + "values are the default policy");
        }
        p.pathPrefix().filter(path -> !IamNames.isPath(path)).ifPresent(path -> problems.add(it
                + ": path-prefix '" + path + "' must start and end with '/'"));
        p.tag().filter(tag -> tag.indexOf('=') < 1).ifPresent(tag -> problems.add(it + ": tag '" + tag
                + "' must be written key=value"));
        p.profile().ifPresent(profile -> {
            CatalogConfig.Profile known = catalog.profiles().get(profile);
            if (known == null) {
                problems.add(it + ": profile '" + profile + "' is not in steward.catalog.profiles");
            } else if (known.groups().orElse(List.of()).isEmpty() && known.policyArns().orElse(List.of()).isEmpty()) {
                problems.add(it + ": profile '" + profile + "' has neither groups nor policies, so nobody holds it");
            }
        });
        RotationPolicy resolved = RotationPolicy.of(name, p, RotationPolicy.ofDefaults(config));
        positive(it, resolved.maxAge(), resolved.graceUntilDeactivate(), resolved.graceUntilDelete());
        if (resolved.inUseWindow().isNegative()) {
            problems.add(it + ": in-use-window must not be negative");
        }
    }

    private void positive(String what, Duration maxAge, Duration graceUntilDeactivate, Duration graceUntilDelete) {
        if (!positive(maxAge) || graceUntilDeactivate.isNegative() || graceUntilDelete.isNegative()) {
            problems.add(what + ": max-age must be positive and the graces must not be negative");
        }
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    /** Equally specific, and nothing keeps them apart: some user could match both. */
    private static boolean ambiguous(RotationConfig.Policy a, RotationConfig.Policy b) {
        if (RotationPolicies.mostSpecificFirst().compare(a, b) != 0) {
            return false;
        }
        boolean pathsApart = a.pathPrefix().isPresent() && !a.pathPrefix().equals(b.pathPrefix());
        return !pathsApart && !tagsApart(a.tag(), b.tag());
    }

    /** Two tags keep policies apart only when they give one key different values. */
    private static boolean tagsApart(Optional<String> a, Optional<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        String[] x = a.get().split("=", 2);
        String[] y = b.get().split("=", 2);
        return x.length == 2 && y.length == 2 && x[0].equals(y[0]) && !x[1].equals(y[1]);
    }
}
