package dev.iamsteward.common;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dev mode only: tells where the local OIDC server issues tokens, and writes its URL to
 * {@code target/dev-oidc-issuer} so that scripts and the README's commands can find it.
 */
@IfBuildProfile("dev")
public class DevTokens {

    void onStart(@Observes StartupEvent event, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
        try {
            Files.writeString(Path.of("target", "dev-oidc-issuer"), issuer);
        } catch (IOException e) {
            Log.warnf("Could not write target/dev-oidc-issuer: %s", e.getMessage());
        }
        Log.infof("Dev tokens: curl -s %s/token -d grant_type=password -d username=alice "
                + "-d client_id=quarkus-app -d client_secret=secret (users: alice requester, bob and carol "
                + "approvers, dave admin, erin auditor)", issuer);
    }
}
