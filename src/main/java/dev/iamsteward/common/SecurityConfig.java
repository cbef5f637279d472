package dev.iamsteward.common;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Who may call the API, as the operator configures it. Declared so that the setting is accepted from every
 * configuration source (a file as much as the environment); production passes it on to
 * {@code quarkus.oidc.token.audience}, and starting there without it fails.
 */
@ConfigMapping(prefix = "steward.security")
public interface SecurityConfig {

    /** The audience ({@code aud}) access tokens must be issued for; required in production. */
    Optional<String> tokenAudience();
}
