package dev.iamsteward.common;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated person or system behind an API call, taken from the token and never from a body:
 * the subject, the groups of the role claim, and the subject of their manager from the {@code manager}
 * claim, when the identity provider sets one.
 */
public record Caller(String name, Set<String> roles, String manager) {

    /** The token claim that names the caller's manager, for rules that need the manager's approval. */
    public static final String MANAGER_CLAIM = "manager";

    public static Caller of(SecurityIdentity identity) {
        Object claim = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(MANAGER_CLAIM) : null;
        String manager = claim == null ? null : claimText(claim);
        return new Caller(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()), manager);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** True when the caller may see every request, not only their own. */
    public boolean seesAllRequests() {
        return has(Roles.APPROVER) || has(Roles.ADMIN) || has(Roles.AUDITOR);
    }

    private static String claimText(Object claim) {
        String text = claim instanceof JsonString json ? json.getString() : claim.toString();
        return text.isBlank() ? null : text;
    }
}
