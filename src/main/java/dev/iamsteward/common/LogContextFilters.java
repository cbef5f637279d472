package dev.iamsteward.common;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the caller's token subject (once authenticated) and, when the path names a request, its id in the log
 * context of an API call, and takes them out again when the response is written.
 */
public class LogContextFilters {

    private static final Pattern REQUEST_PATH = Pattern.compile("^/?v1/requests/([^/]+)(/.*)?$");

    @ServerRequestFilter(priority = 1)
    public void enter(ContainerRequestContext request, RoutingContext http) {
        LogContext.clear();
        Matcher path = REQUEST_PATH.matcher(request.getUriInfo().getPath());
        if (path.matches()) {
            UUID id = LogContext.requestId(path.group(1));
            if (id != null) {
                LogContext.putRequestId(id);
            }
        }
        // Only an identity already established by the method's security check: asking for one here would make
        // OIDC verify whatever bearer token came, such as a webhook source's, by sending it to the issuer.
        if (http.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            LogContext.putActor(user.getSecurityIdentity().getPrincipal().getName());
        }
    }

    @ServerResponseFilter
    public void leave() {
        LogContext.clear();
    }
}
