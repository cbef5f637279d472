package dev.iamsteward.common;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the caller's token subject and, when the path names a request, its id in the log context of an API call,
 * and takes them out again when the response is written.
 */
public class LogContextFilters {

    private static final Pattern REQUEST_PATH = Pattern.compile("^/?v1/requests/([^/]+)(/.*)?$");

    private final SecurityIdentity identity;

    LogContextFilters(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerRequestFilter(priority = 1)
    public void enter(ContainerRequestContext request) {
        LogContext.clear();
        Matcher path = REQUEST_PATH.matcher(request.getUriInfo().getPath());
        if (path.matches()) {
            UUID id = LogContext.requestId(path.group(1));
            if (id != null) {
                LogContext.putRequestId(id);
            }
        }
        try {
            if (!identity.isAnonymous()) {
                LogContext.putActor(identity.getPrincipal().getName());
            }
        } catch (AuthenticationFailedException e) {
            // The security check answers 401 for the same failure; the log context just has no actor.
        }
    }

    @ServerResponseFilter
    public void leave() {
        LogContext.clear();
    }
}
