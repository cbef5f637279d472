package dev.iamsteward.common;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Lets Swagger UI sign in against the configured OpenID Connect provider (dev mode's included, whose address is
 * only known at startup): an {@code openIdConnect} scheme with the provider's discovery document, accepted
 * wherever the bearer scheme is. The provider must allow Swagger UI's origin (CORS) for the discovery document and
 * the token endpoint; dev mode's local server does not, so in dev mode the document comes through {@link DevSignIn}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class OidcSignIn implements OASFilter {

    static final String SCHEME = "oidc";
    private static final String BEARER = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Optional<String> provider = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.oidc.auth-server-url", String.class);
        if (provider.isEmpty() || openAPI.getComponents() == null || openAPI.getPaths() == null) {
            return;
        }
        String base = provider.get().endsWith("/") ? provider.get() : provider.get() + "/";
        String discovery = LaunchMode.current() == LaunchMode.DEVELOPMENT
                ? DevSignIn.discoveryUrl(ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class)
                        .orElse(8080))
                : base + DevSignIn.DISCOVERY;
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OPENIDCONNECT)
                .openIdConnectUrl(discovery)
                .description("Sign in with the service's OpenID Connect provider (authorization code with PKCE)"));
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            List<SecurityRequirement> security = op.getSecurity();
            if (security != null && security.stream().anyMatch(r -> r.hasScheme(BEARER))) {
                op.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
            }
        }));
    }
}
