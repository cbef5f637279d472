package dev.iamsteward.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.account.BrokerProbe;
import dev.iamsteward.account.BrokerSelfCheck;
import dev.iamsteward.account.BrokerTarget;
import dev.iamsteward.deploy.IamSimulate.Principal;
import dev.iamsteward.deploy.IamSimulate.Probe;
import dev.iamsteward.iam.Simulation;
import dev.iamsteward.iam.SimulationQuery;
import dev.iamsteward.iam.memory.InMemoryIamDirectory;
import dev.iamsteward.iam.memory.InMemoryPolicySimulator;
import dev.iamsteward.iam.memory.SimulatedBroker;
import dev.iamsteward.iam.memory.SimulatedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The in-memory IAM's policy simulator, which answers the broker self-check in the sandbox and in the tests,
 * decides every question about the broker role as {@code @cloud-copilot/iam-simulate} decides it on the resolved
 * deploy/aws/target-account.yaml: the self-check's own probes, and every modelled action on managed users,
 * users elsewhere, the boundary policy and catalog policies, with and without each condition key. So the
 * sandbox's self-check is checked against an engine nobody on this project wrote, not against our own reading.
 */
class SimulatedBrokerAgreesWithEvaluatorTest {

    private static final String IAM = PolicyProbes.IAM;
    private static final String BOUNDARY = PolicyProbes.BOUNDARY;
    private static final String CATALOG_POLICY = TargetAccountTemplateTest.CATALOG_POLICIES.get(0);

    @Test
    void theModelDecidesEveryProbeAsTheEvaluatorDoes() {
        Map<String, Boolean> model = new LinkedHashMap<>();
        List<Probe> probes = new ArrayList<>();
        for (boolean catalog : List.of(false, true)) {
            Map<String, String> parameters = new HashMap<>(Map.of("ServiceRoleArn",
                    TargetAccountTemplateTest.SERVICE_ROLE, "ExternalId", TargetAccountTemplateTest.EXTERNAL_ID));
            if (catalog) {
                parameters.put("CatalogPolicyArns", String.join(",", TargetAccountTemplateTest.CATALOG_POLICIES));
            }
            String combination = "catalog policies=" + catalog;
            Principal broker = PolicyProbes.broker(CloudFormationTemplate.load(TargetAccountTemplateTest.TEMPLATE,
                    parameters));
            List<String> catalogPolicies = catalog ? TargetAccountTemplateTest.CATALOG_POLICIES : List.of();
            InMemoryPolicySimulator simulator = new InMemoryPolicySimulator(
                    new InMemoryIamDirectory(Clock.systemUTC(), PolicyProbes.ACCOUNT));
            List<SimulatedStatement> policy = SimulatedBroker.asDeployed("aws", PolicyProbes.ACCOUNT, "/iam-steward/",
                    BOUNDARY, catalogPolicies);
            simulator.setBrokerPolicy(policy);
            for (Question question : questions(policy, catalogPolicies)) {
                Probe probe = Probe.of(combination, broker, question.action(), question.resource(),
                        Map.copyOf(question.context()), null, null, false);
                probes.add(probe);
                Simulation.Evaluated answer = (Simulation.Evaluated) simulator.simulate(simulator.brokerRoleArn(),
                        new SimulationQuery(List.of(question.action()), List.of(question.resource()),
                                question.context()));
                model.put(probe.id(), answer.evaluations().get(0).decision().allowed());
            }
        }
        Map<String, String> evaluator = IamSimulate.evaluate(probes);

        List<String> disagreements = new ArrayList<>();
        long allowed = 0;
        for (Probe probe : probes) {
            boolean evaluatorAllows = "Allowed".equals(evaluator.get(probe.id()));
            allowed += evaluatorAllows ? 1 : 0;
            if (evaluatorAllows != model.get(probe.id())) {
                disagreements.add(probe.id() + ": model " + (model.get(probe.id()) ? "allows" : "denies")
                        + ", iam-simulate " + evaluator.get(probe.id()));
            }
        }
        assertEquals(List.of(), disagreements, disagreements.size() + " of " + probes.size() + " disagree");
        assertTrue(probes.size() > 300, "probes: " + probes.size());
        assertTrue(allowed > 20 && allowed < probes.size() - 100, "allowed: " + allowed + " of " + probes.size());
    }

    /** The self-check's probes, then every modelled action on each resource under each context. */
    private static List<Question> questions(List<SimulatedStatement> policy, List<String> catalogPolicies) {
        Set<Question> questions = new LinkedHashSet<>();
        BrokerTarget target = BrokerTarget.of(PolicyProbes.BROKER, "/iam-steward/", BOUNDARY,
                Set.copyOf(catalogPolicies));
        for (BrokerProbe probe : BrokerSelfCheck.probes(target)) {
            questions.add(new Question(probe.action(), probe.resourceArn(),
                    applicable(probe.action(), probe.context())));
        }
        Set<String> actions = new TreeSet<>();
        policy.forEach(s -> actions.addAll(s.actions()));
        List<String> users = List.of(PolicyProbes.ALICE, IAM + "user/admin", IAM + "user/iam-steward-other/bob",
                IAM + "user/iam-steward/team/carol");
        List<String> policies = List.of(BOUNDARY, CATALOG_POLICY, IAM + "policy/iam-steward/other");
        Set<String> onPolicies = Set.of("iam:createpolicyversion", "iam:deletepolicy", "iam:deletepolicyversion",
                "iam:setdefaultpolicyversion");
        String otherBoundary = IAM + "policy/iam-steward/wider-boundary";
        List<Map<String, String>> contexts = List.of(Map.of(),
                Map.of("iam:PermissionsBoundary", BOUNDARY),
                Map.of("iam:PermissionsBoundary", otherBoundary),
                Map.of("iam:PermissionsBoundary", BOUNDARY, "iam:PolicyARN", CATALOG_POLICY),
                Map.of("iam:PermissionsBoundary", BOUNDARY, "iam:PolicyARN", "arn:aws:iam::aws:policy/AWSDenyAll"),
                Map.of("iam:PermissionsBoundary", BOUNDARY,
                        "iam:PolicyARN", "arn:aws:iam::aws:policy/AdministratorAccess"),
                Map.of("iam:PolicyARN", CATALOG_POLICY));
        for (String action : actions) {
            for (String resource : onPolicies.contains(action) ? policies : users) {
                for (Map<String, String> context : contexts) {
                    questions.add(new Question(iamName(action), resource, applicable(action, context)));
                }
            }
        }
        return List.copyOf(questions);
    }

    /**
     * Condition keys IAM sets for the action only: iam:PolicyARN for attach and detach, iam:PermissionsBoundary for
     * the actions that take or keep a boundary (the evaluator refuses keys an action does not have).
     */
    private static Map<String, String> applicable(String action, Map<String, String> context) {
        String name = action.toLowerCase(Locale.ROOT);
        boolean policyArn = name.equals("iam:attachuserpolicy") || name.equals("iam:detachuserpolicy");
        boolean boundary = policyArn || Set.of("iam:createuser", "iam:putuserpermissionsboundary",
                "iam:putuserpolicy", "iam:deleteuserpolicy").contains(name);
        Map<String, String> kept = new HashMap<>(context);
        kept.keySet().removeIf(key -> key.equals("iam:PolicyARN") ? !policyArn
                : key.equals("iam:PermissionsBoundary") && !boundary);
        return Map.copyOf(kept);
    }

    /** IAM's spelling of a lower-cased action name, from the actions the template names. */
    private static String iamName(String action) {
        return TargetAccountTemplateTest.brokerPermissions(TargetAccountTemplateTest.withCatalog()).stream()
                .flatMap(s -> s.actions().stream()).filter(a -> a.equalsIgnoreCase(action)).findFirst()
                .orElse(action);
    }

    private record Question(String action, String resource, Map<String, String> context) {
    }
}
