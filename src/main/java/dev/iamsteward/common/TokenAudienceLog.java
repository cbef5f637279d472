package dev.iamsteward.common;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Says at startup which audience access tokens must carry. Reading the setting through {@link SecurityConfig} is also
 * what registers it, so that it is accepted from a configuration file and not only from the environment.
 */
@ApplicationScoped
class TokenAudienceLog {

    void onStart(@Observes StartupEvent start, SecurityConfig security) {
        security.tokenAudience().ifPresent(audience -> Log.infof("Access tokens must be issued for audience %s",
                audience));
    }
}
