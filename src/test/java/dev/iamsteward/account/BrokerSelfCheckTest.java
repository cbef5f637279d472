package dev.iamsteward.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.Simulation;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.iam.memory.InMemoryPolicySimulator;
import dev.iamsteward.iam.memory.SimulatedBroker;
import dev.iamsteward.iam.memory.SimulatedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The broker self-check over the in-memory IAM's simulator: a sound broker, and brokers wider than they must be. */
class BrokerSelfCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String ACCOUNT = InMemoryIamDirectory.ACCOUNT_ID;
    private static final String PATH = "/iam-steward/";
    private static final String BOUNDARY = "arn:aws:iam::" + ACCOUNT + ":policy/iam-steward/managed-user-boundary";
    private static final Set<String> CATALOG = Set.of("arn:aws:iam::" + ACCOUNT + ":policy/data-read",
            "arn:aws:iam::aws:policy/job-function/Billing");
    private static final BrokerTarget TARGET = BrokerTarget.of(InMemoryPolicySimulator.BROKER_ROLE_ARN, PATH,
            BOUNDARY, CATALOG);

    private InMemoryIamDirectory iam;
    private InMemoryPolicySimulator simulator;

    @BeforeEach
    void aBrokerAsDeployed() {
        iam = new InMemoryIamDirectory(Clock.fixed(NOW, ZoneOffset.UTC));
        simulator = new InMemoryPolicySimulator(iam);
        simulator.setBrokerPolicy(SimulatedBroker.asDeployed("aws", ACCOUNT, PATH, BOUNDARY, CATALOG));
    }

    @Test
    void theBrokerAsDeployedPassesEveryProbeInSixSimulations() {
        BrokerCheckResult result = BrokerSelfCheck.run(simulator, TARGET, NOW);

        assertEquals(BrokerCheckResult.Status.PASSED, result.status(), result.describe());
        assertEquals(12, result.probes().size());
        assertTrue(result.probes().stream().allMatch(BrokerCheckResult.ProbeOutcome::passed));
        assertEquals(Simulation.Decision.ALLOWED, result.probes().get(0).decision());
        assertEquals("create-user-with-boundary", result.probes().get(0).probe().name());
        assertEquals(Simulation.Decision.EXPLICIT_DENY, result.probes().get(1).decision());
        assertEquals(NOW, result.checkedAt());
        assertEquals(6, simulations(), "probes on one resource with the same keys share a call");
    }

    @Test
    void aBrokerThatCreatesUsersWithoutTheBoundaryFailsNamingTheProbes() {
        simulator.setBrokerPolicy(creatingUsersWithoutTheBoundary());

        BrokerCheckResult result = BrokerSelfCheck.run(simulator, TARGET, NOW);

        assertEquals(BrokerCheckResult.Status.FAILED, result.status());
        assertEquals(List.of("create-user-without-boundary", "create-user-with-another-boundary",
                "replace-permissions-boundary"), result.failureNames());
        String detail = result.failures().get(0).detail();
        assertTrue(detail.contains("create a user without the boundary (iam:CreateUser on arn:aws:iam::" + ACCOUNT
                + ":user/iam-steward/steward-self-check with no condition keys) must be denied, but IAM's policy "
                + "simulator says ALLOWED"), detail);
    }

    @Test
    void aBrokerThatReachesUsersOutsideTheManagedPathFails() {
        List<SimulatedStatement> policy = without("ChangeManagedUsers");
        policy.add(SimulatedBroker.allow("ChangeAnyUser", Set.of("iam:CreateAccessKey", "iam:DeleteUser"),
                "arn:aws:iam::" + ACCOUNT + ":user/*"));
        simulator.setBrokerPolicy(policy);

        BrokerCheckResult result = BrokerSelfCheck.run(simulator, TARGET, NOW);

        assertEquals(List.of("delete-user-outside-path", "create-access-key-outside-path"), result.failureNames());
    }

    @Test
    void aBrokerThatMayAttachAdministratorAccessOrEditTheBoundaryFails() {
        List<SimulatedStatement> policy = without("NoBoundaryPolicyEdit");
        policy.add(SimulatedBroker.allow("AnyPolicy", Set.of("iam:AttachUserPolicy", "iam:CreatePolicyVersion"),
                "*"));
        simulator.setBrokerPolicy(policy);

        BrokerCheckResult result = BrokerSelfCheck.run(simulator, TARGET, NOW);

        assertEquals(List.of("attach-policy-outside-catalog", "create-boundary-policy-version"),
                result.failureNames());
        assertTrue(result.failures().get(0).detail().contains("iam:PolicyARN=arn:aws:iam::aws:policy/"
                + "AdministratorAccess"), result.failures().get(0).detail());
    }

    @Test
    void aBrokerThatCannotCreateUsersFailsTheProbeThatMustBeAllowed() {
        simulator.setBrokerPolicy(without("CreateOrChangeOnlyWithBoundary"));

        BrokerCheckResult result = BrokerSelfCheck.run(simulator, TARGET, NOW);

        assertEquals(List.of("create-user-with-boundary"), result.failureNames());
        assertTrue(result.failures().get(0).detail().contains("must be allowed, but IAM's policy simulator says "
                + "IMPLICIT_DENY"), result.failures().get(0).detail());
    }

    @Test
    void anAccountThatRefusesTheSimulationLeavesTheBrokerNotChecked() {
        iam.faults().failNext("SimulatePrincipalPolicy", 1, () -> new IamException.AccessDenied(
                "User: arn:aws:sts::000000000000:assumed-role/iam-steward-broker/iam-steward is not authorized"));

        BrokerCheckResult result = BrokerSelfCheck.run(simulator, TARGET, NOW);

        assertEquals(BrokerCheckResult.Status.NOT_CHECKED, result.status());
        assertEquals("IAM refuses SimulatePrincipalPolicy (AccessDenied)", result.notCheckedReason());
        assertEquals(List.of(), result.failures());
        assertEquals(1, simulations(), "nothing more is asked once IAM refused");
    }

    @Test
    void iamNotAnsweringLeavesTheBrokerNotChecked() {
        iam.faults().failNext("SimulatePrincipalPolicy", 1, () -> new IamException.Unavailable("HTTP 503"));

        BrokerCheckResult result = BrokerSelfCheck.run(simulator, TARGET, NOW);

        assertEquals(BrokerCheckResult.Status.NOT_CHECKED, result.status());
        assertEquals("IAM did not answer SimulatePrincipalPolicy (ServiceFailure)", result.notCheckedReason());
    }

    @Test
    void malformedOrInconsistentSettingsFailBeforeIamIsAsked() {
        BrokerTarget target = BrokerTarget.of(InMemoryPolicySimulator.BROKER_ROLE_ARN, "iam-steward",
                "arn:aws:iam::" + ACCOUNT + ":role/iam-steward/managed-user-boundary", CATALOG);

        BrokerCheckResult result = BrokerSelfCheck.run(simulator, target, NOW);

        assertEquals(List.of("settings:managed-path", "settings:permissions-boundary-arn"), result.failureNames());
        assertEquals(0, simulations());
        assertEquals(List.of("settings:permissions-boundary-arn"), BrokerTarget.of(
                InMemoryPolicySimulator.BROKER_ROLE_ARN, PATH, "arn:aws:iam::123456789012:policy/boundary", CATALOG)
                .problems().stream().map(BrokerCheckResult.Failure::name).toList());
        assertEquals(List.of("settings:broker-role-arn"), BrokerTarget.of("arn:aws:iam::" + ACCOUNT + ":user/broker",
                PATH, BOUNDARY, CATALOG).problems().stream().map(BrokerCheckResult.Failure::name).toList());
        assertEquals(List.of("settings:managed-path"), BrokerTarget.of(InMemoryPolicySimulator.BROKER_ROLE_ARN, "/",
                BOUNDARY, CATALOG).problems().stream().map(BrokerCheckResult.Failure::name).toList());
    }

    @Test
    void aCatalogThatHoldsAdministratorAccessIsProbedWithAnotherPolicy() {
        BrokerTarget target = BrokerTarget.of(InMemoryPolicySimulator.BROKER_ROLE_ARN, PATH, BOUNDARY,
                Set.of("arn:aws:iam::aws:policy/AdministratorAccess"));

        BrokerProbe attach = BrokerSelfCheck.probes(target).stream()
                .filter(p -> p.name().equals("attach-policy-outside-catalog")).findFirst().orElseThrow();

        assertEquals("arn:aws:iam::aws:policy/IAMFullAccess", attach.context().get("iam:PolicyARN"));
    }

    @Test
    void startupRefusesAFailedBrokerAndAnUncheckedOneOnlyWhenToldTo() {
        simulator.setBrokerPolicy(creatingUsersWithoutTheBoundary());
        BrokerCheckResult failed = BrokerSelfCheck.run(simulator, TARGET, NOW);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> BrokerReadiness.refuseToStart(failed, false));
        assertTrue(refused.getMessage().startsWith("IAM Steward refuses to start: the broker role failed its "
                + "self-check:\n  create-user-without-boundary: to create a user without the boundary"),
                refused.getMessage());

        BrokerCheckResult unchecked = BrokerCheckResult.notChecked("IAM refuses SimulatePrincipalPolicy "
                + "(AccessDenied)", NOW);
        BrokerReadiness.refuseToStart(unchecked, false);
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> BrokerReadiness.refuseToStart(unchecked, true));
        assertTrue(closed.getMessage().contains("could not be checked: IAM refuses SimulatePrincipalPolicy "
                + "(AccessDenied) (steward.iam.self-check.fail-when-not-checked=true)"), closed.getMessage());
    }

    /** The broker's boundary condition and its explicit deny are both gone. */
    private List<SimulatedStatement> creatingUsersWithoutTheBoundary() {
        List<SimulatedStatement> policy = without("NoUserWithoutTheBoundary", "CreateOrChangeOnlyWithBoundary");
        policy.add(SimulatedBroker.allow("CreateAnyUser", Set.of("iam:CreateUser", "iam:PutUserPermissionsBoundary"),
                "arn:aws:iam::" + ACCOUNT + ":user/iam-steward/*"));
        return policy;
    }

    private List<SimulatedStatement> without(String... sids) {
        List<SimulatedStatement> policy = new ArrayList<>(simulator.brokerPolicy());
        policy.removeIf(s -> List.of(sids).contains(s.sid()));
        return policy;
    }

    private long simulations() {
        return iam.calls().stream().filter(c -> c.operation().equals("SimulatePrincipalPolicy")).count();
    }
}
