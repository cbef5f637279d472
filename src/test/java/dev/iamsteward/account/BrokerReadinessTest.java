package dev.iamsteward.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.iam.memory.InMemoryPolicySimulator;
import dev.iamsteward.iam.memory.SimulatedStatement;
import dev.iamsteward.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness reports the broker self-check that ran at startup, runs it again only after its TTL, and is DOWN
 * while the broker role is wider than it must be; it names probes, never ARNs.
 */
@QuarkusTest
class BrokerReadinessTest {

    private static final String CHECK = "checks.find { it.name == 'broker-self-check' }";

    @Inject
    InMemoryIamDirectory iam;

    @Inject
    InMemoryPolicySimulator simulator;

    @Inject
    @Readiness
    BrokerReadiness readiness;

    @Inject
    HealthConfig config;

    @Inject
    TestClock clock;

    private List<SimulatedStatement> deployed;

    @BeforeEach
    void rememberTheDeployedBroker() {
        deployed = simulator.brokerPolicy();
    }

    @AfterEach
    void putTheBrokerBack() {
        iam.faults().clear();
        simulator.setBrokerPolicy(deployed);
        readiness.check();
    }

    @Test
    void theStartupCheckPassedAndIsNotRunAgainOnEveryProbe() {
        long before = simulations();

        ready().statusCode(200).body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.result", equalTo("PASSED"))
                .body(CHECK + ".data.checkedAt", notNullValue())
                .body(CHECK + ".data.failed", nullValue());
        ready().statusCode(200);

        assertEquals(0, simulations() - before, "readiness reported the last result without asking IAM");
        clock.advance(config.selfCheckTtl());
        ready().statusCode(200).body(CHECK + ".data.result", equalTo("PASSED"));
        assertEquals(6, simulations() - before, "after the TTL the check ran once more");
    }

    @Test
    void aBrokerThatCreatesUsersWithoutTheBoundaryMakesReadinessDownNamingTheProbe() {
        List<SimulatedStatement> wide = new ArrayList<>(deployed);
        wide.removeIf(s -> s.sid().equals("NoUserWithoutTheBoundary"));
        wide.add(new SimulatedStatement("CreateAnyUser", true, Set.of("iam:CreateUser"),
                List.of("arn:aws:iam::" + InMemoryIamDirectory.ACCOUNT_ID + ":user/*"), List.of()));
        simulator.setBrokerPolicy(wide);
        readiness.check();

        ready().statusCode(503).body(CHECK + ".status", equalTo("DOWN"))
                .body(CHECK + ".data.result", equalTo("FAILED"))
                .body(CHECK + ".data.failed", equalTo("create-user-without-boundary,create-user-with-another-boundary,"
                        + "create-user-outside-path"))
                .body(CHECK + ".data.failed", not(containsString("arn:")));
        RestAssured.get("/q/health/live").then().statusCode(200);
    }

    @Test
    void anAccountThatRefusesTheSimulationIsReportedNotCheckedAndStaysReady() {
        iam.faults().failNext("SimulatePrincipalPolicy", 1, () -> new IamException.AccessDenied(
                "User: arn:aws:sts::000000000000:assumed-role/iam-steward-broker/iam-steward is not authorized"));
        readiness.check();

        ready().statusCode(200).body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.result", equalTo("NOT_CHECKED"))
                .body(CHECK + ".data.reason", equalTo("IAM refuses SimulatePrincipalPolicy (AccessDenied)"));
    }

    private long simulations() {
        return iam.calls().stream().filter(c -> c.operation().equals("SimulatePrincipalPolicy")).count();
    }

    private static ValidatableResponse ready() {
        return RestAssured.get("/q/health/ready").then();
    }
}
