package dev.iamsteward.account;

import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.PolicySimulator;
import dev.iamsteward.iam.Simulation;
import dev.iamsteward.iam.SimulationQuery;
import io.quarkus.logging.Log;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Asks IAM's policy simulator whether the broker role of one target account is as narrow as the service relies
 * on: it may create users under the managed path with the boundary, and nothing of what would let it escape
 * the boundary or reach other users. A pure function of the simulator and the target's settings.
 */
public final class BrokerSelfCheck {

    static final String BOUNDARY_KEY = "iam:PermissionsBoundary";
    static final String POLICY_KEY = "iam:PolicyARN";
    /** Names no managed user needs: the simulator evaluates policies, so nobody has to exist. */
    static final String PROBE_USER = "steward-self-check";
    private static final List<String> OUTSIDE_POLICIES = List.of("AdministratorAccess", "IAMFullAccess",
            "PowerUserAccess");

    private BrokerSelfCheck() {
    }

    /** Checks the settings, then every probe; a simulation IAM refuses or fails leaves the broker NOT_CHECKED. */
    public static BrokerCheckResult run(PolicySimulator simulator, BrokerTarget target, Instant now) {
        List<BrokerCheckResult.Failure> problems = target.problems();
        if (!problems.isEmpty()) {
            return BrokerCheckResult.evaluated(List.of(), problems, now);
        }
        List<BrokerCheckResult.ProbeOutcome> outcomes = new ArrayList<>();
        for (List<BrokerProbe> group : bySimulation(probes(target))) {
            BrokerProbe first = group.get(0);
            SimulationQuery query = new SimulationQuery(group.stream().map(BrokerProbe::action).toList(),
                    List.of(first.resourceArn()), first.context());
            Simulation answer;
            try {
                answer = simulator.simulate(target.brokerRoleArn(), query);
            } catch (IamException e) {
                Log.warnf("The broker self-check could not run SimulatePrincipalPolicy: %s %s", e.code(),
                        e.getMessage());
                return BrokerCheckResult.notChecked("IAM did not answer SimulatePrincipalPolicy (" + e.code() + ")",
                        now);
            }
            if (answer instanceof Simulation.NotPermitted refused) {
                Log.warnf("IAM refuses SimulatePrincipalPolicy on the broker role: %s", refused.message());
                return BrokerCheckResult.notChecked("IAM refuses SimulatePrincipalPolicy (AccessDenied)", now);
            }
            Simulation.Evaluated evaluated = (Simulation.Evaluated) answer;
            group.forEach(probe -> outcomes.add(new BrokerCheckResult.ProbeOutcome(probe,
                    evaluated.decision(probe.action(), probe.resourceArn()).orElse(null))));
        }
        List<BrokerCheckResult.Failure> failures = outcomes.stream().filter(o -> !o.passed())
                .map(o -> new BrokerCheckResult.Failure(o.probe().name(), detail(o))).toList();
        return BrokerCheckResult.evaluated(outcomes, failures, now);
    }

    /** The probes for one target, in the order they are reported. */
    public static List<BrokerProbe> probes(BrokerTarget target) {
        String managedUser = arn(target, "user" + target.managedPath() + PROBE_USER);
        String outsider = arn(target, "user/" + PROBE_USER + "-outside");
        String outsidePolicy = outsidePolicy(target);
        Map<String, String> boundary = Map.of(BOUNDARY_KEY, target.boundaryArn());
        Map<String, String> otherBoundary = Map.of(BOUNDARY_KEY, outsidePolicy);
        return List.of(
                allow("create-user-with-boundary", "create a user under the managed path with the boundary",
                        "iam:CreateUser", managedUser, boundary),
                deny("create-user-without-boundary", "create a user without the boundary",
                        "iam:CreateUser", managedUser, Map.of()),
                deny("create-user-with-another-boundary", "create a user with another policy as boundary",
                        "iam:CreateUser", managedUser, otherBoundary),
                deny("create-user-outside-path", "create a user outside the managed path",
                        "iam:CreateUser", outsider, boundary),
                deny("delete-user-outside-path", "delete a user outside the managed path",
                        "iam:DeleteUser", outsider, boundary),
                deny("create-access-key-outside-path", "make an access key for a user outside the managed path",
                        "iam:CreateAccessKey", outsider, boundary),
                deny("delete-user-permissions-boundary", "remove a managed user's boundary",
                        "iam:DeleteUserPermissionsBoundary", managedUser, boundary),
                deny("replace-permissions-boundary", "put another policy as a managed user's boundary",
                        "iam:PutUserPermissionsBoundary", managedUser, otherBoundary),
                deny("attach-policy-outside-catalog", "attach a policy outside the catalog to a managed user",
                        "iam:AttachUserPolicy", managedUser, Map.of(BOUNDARY_KEY, target.boundaryArn(),
                                POLICY_KEY, outsidePolicy)),
                deny("create-boundary-policy-version", "change the boundary policy",
                        "iam:CreatePolicyVersion", target.boundaryArn(), Map.of()),
                deny("set-boundary-policy-default-version", "switch the boundary policy to another version",
                        "iam:SetDefaultPolicyVersion", target.boundaryArn(), Map.of()),
                deny("delete-boundary-policy", "delete the boundary policy",
                        "iam:DeletePolicy", target.boundaryArn(), Map.of()));
    }

    /** Probes on the same resource with the same condition keys are one SimulatePrincipalPolicy call. */
    private static List<List<BrokerProbe>> bySimulation(List<BrokerProbe> probes) {
        Map<String, List<BrokerProbe>> groups = new LinkedHashMap<>();
        probes.forEach(p -> groups.computeIfAbsent(p.resourceArn() + " " + new TreeMap<>(p.context()),
                k -> new ArrayList<>()).add(p));
        return List.copyOf(groups.values());
    }

    /** A well-known policy that is neither in the catalog nor the boundary: AdministratorAccess unless it is. */
    private static String outsidePolicy(BrokerTarget target) {
        return OUTSIDE_POLICIES.stream().map(name -> "arn:" + target.partition() + ":iam::aws:policy/" + name)
                .filter(arn -> !target.catalogPolicyArns().contains(arn) && !arn.equals(target.boundaryArn()))
                .findFirst().orElseThrow();
    }

    private static String detail(BrokerCheckResult.ProbeOutcome outcome) {
        BrokerProbe probe = outcome.probe();
        String context = probe.context().isEmpty() ? "no condition keys" : new TreeMap<>(probe.context())
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return "to " + probe.what() + " (" + probe.action() + " on " + probe.resourceArn() + " with " + context
                + ") " + probe.expectation() + ", but IAM's policy simulator says "
                + (outcome.decision() == null ? "nothing" : outcome.decision());
    }

    private static String arn(BrokerTarget target, String resource) {
        return "arn:" + target.partition() + ":iam::" + target.accountId() + ":" + resource;
    }

    private static BrokerProbe allow(String name, String what, String action, String resource,
            Map<String, String> context) {
        return new BrokerProbe(name, what, action, resource, context, true);
    }

    private static BrokerProbe deny(String name, String what, String action, String resource,
            Map<String, String> context) {
        return new BrokerProbe(name, what, action, resource, context, false);
    }
}
