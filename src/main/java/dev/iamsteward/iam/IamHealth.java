package dev.iamsteward.iam;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Says in readiness which IAM the service acts on, and whether it is the sandbox. */
@Readiness
@ApplicationScoped
public class IamHealth implements HealthCheck {

    private final IamDirectory iam;

    IamHealth(IamDirectory iam) {
        this.iam = iam;
    }

    @Override
    public HealthCheckResponse call() {
        IamDirectory.Backend backend = iam.backend();
        // Readiness is unauthenticated: the broker role's ARN and account stay out of it.
        var response = HealthCheckResponse.named("iam")
                .withData("backend", backend.name())
                .withData("sandbox", backend.sandbox());
        if (backend.sandbox()) {
            response.withData("target", backend.target());
        }
        return response.up().build();
    }
}
