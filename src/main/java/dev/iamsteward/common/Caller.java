package dev.iamsteward.common;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;

/** The authenticated person or system behind an API call, taken from the token and never from a body. */
public record Caller(String name, Set<String> roles) {

    public static Caller of(SecurityIdentity identity) {
        return new Caller(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** True when the caller may see every request, not only their own. */
    public boolean seesAllRequests() {
        return has(Roles.APPROVER) || has(Roles.ADMIN) || has(Roles.AUDITOR);
    }
}
