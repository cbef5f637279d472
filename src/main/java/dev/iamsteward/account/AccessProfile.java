package dev.iamsteward.account;

import java.util.List;

/** An access profile as requests and the API see it. */
public record AccessProfile(String name, String description, List<String> groups, List<String> policyArns,
        CatalogConfig.Risk risk) {

    public AccessProfile {
        groups = List.copyOf(groups);
        policyArns = List.copyOf(policyArns);
    }
}
