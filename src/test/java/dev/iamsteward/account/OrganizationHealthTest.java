package dev.iamsteward.account;

import static org.hamcrest.Matchers.equalTo;

import dev.iamsteward.iam.GuardedOrganizationRoot;
import dev.iamsteward.iam.OrganizationFeature;
import dev.iamsteward.iam.memory.InMemoryOrganization;
import dev.iamsteward.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Readiness says whether both features of centralized root access are on, and stays UP either way. */
@QuarkusTest
class OrganizationHealthTest {

    private static final String CHECK = "checks.find { it.name == 'organization-root-access' }";

    @Inject
    Organization organization;

    @Inject
    HealthConfig config;

    @Inject
    TestClock clock;

    @AfterEach
    void featuresBackOn() {
        sandbox().enable(OrganizationFeature.ROOT_SESSIONS);
        clock.advance(config.cacheTtl());
    }

    @Test
    void bothFeaturesOn() {
        clock.advance(config.cacheTtl());

        RestAssured.get("/q/health/ready").then().body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.configured", equalTo(true))
                .body(CHECK + ".data.rootCredentialsManagement", equalTo(true))
                .body(CHECK + ".data.rootSessions", equalTo(true))
                .body(CHECK + ".data.featuresOn", equalTo(true));
    }

    @Test
    void rootSessionsOff() {
        sandbox().disable(OrganizationFeature.ROOT_SESSIONS);
        clock.advance(config.cacheTtl());

        RestAssured.get("/q/health/ready").then().body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.rootCredentialsManagement", equalTo(true))
                .body(CHECK + ".data.rootSessions", equalTo(false))
                .body(CHECK + ".data.featuresOn", equalTo(false));
    }

    private InMemoryOrganization sandbox() {
        return (InMemoryOrganization) GuardedOrganizationRoot.beneath(organization.root());
    }
}
