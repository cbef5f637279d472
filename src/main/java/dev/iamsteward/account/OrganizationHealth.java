package dev.iamsteward.account;

import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.OrganizationFeature;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says in readiness whether the organization's centralized root access has both features on (root credentials
 * management and root sessions), asked with ListOrganizationsFeatures at most once per
 * {@code steward.health.cache-ttl}. Without both the service cannot audit or clean up root users, but it can
 * still serve every other request, so the check stays UP and says what is missing.
 */
@Readiness
@ApplicationScoped
public class OrganizationHealth implements HealthCheck {

    private final Organization organization;
    private final HealthConfig config;
    private final Clock clock;
    private Answer last;

    OrganizationHealth(Organization organization, HealthConfig config, Clock clock) {
        this.organization = organization;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("organization-root-access")
                .withData("configured", organization.configured());
        if (organization.configured()) {
            Answer answer = answer();
            response.withData("rootCredentialsManagement", answer.features().contains(
                    OrganizationFeature.ROOT_CREDENTIALS_MANAGEMENT))
                    .withData("rootSessions", answer.features().contains(OrganizationFeature.ROOT_SESSIONS))
                    .withData("featuresOn", answer.features().containsAll(Set.of(OrganizationFeature.values())))
                    .withData("checkedAt", answer.at().toString());
            if (answer.error() != null) {
                response.withData("error", answer.error());
            }
        }
        return response.up().build();
    }

    private synchronized Answer answer() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(config.cacheTtl()))) {
            last = ask(now);
        }
        return last;
    }

    private Answer ask(Instant now) {
        try {
            return new Answer(organization.root().enabledFeatures(), null, now);
        } catch (IamException e) {
            Log.warnf("Readiness: ListOrganizationsFeatures failed: %s %s", e.code(), e.getMessage());
            return new Answer(Set.of(), "IAM " + e.code(), now);
        } catch (RuntimeException e) {
            Log.warnf(e, "Readiness: the organization's IAM could not be reached");
            return new Answer(Set.of(), "unreachable", now);
        }
    }

    /** What ListOrganizationsFeatures said, or why it said nothing, and when. */
    private record Answer(Set<OrganizationFeature> features, String error, Instant at) {
    }
}
