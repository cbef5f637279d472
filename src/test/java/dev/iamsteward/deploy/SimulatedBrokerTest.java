package dev.iamsteward.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.account.BrokerProbe;
import dev.iamsteward.account.BrokerSelfCheck;
import dev.iamsteward.account.BrokerTarget;
import dev.iamsteward.iam.memory.SimulatedBroker;
import dev.iamsteward.iam.memory.SimulatedStatement;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The in-memory IAM's model of the broker role is what deploy/aws/target-account.yaml grants, statement by
 * statement, and leaves out no statement that decides a self-check probe: so the in-memory self-check is the
 * template's, not a copy of the check's own expectations.
 */
class SimulatedBrokerTest {

    private static final String ACCOUNT = TargetAccountTemplateTest.ACCOUNT;
    private static final List<SimulatedStatement> MODEL = SimulatedBroker.asDeployed("aws", ACCOUNT,
            "/iam-steward/", TargetAccountTemplateTest.BOUNDARY, TargetAccountTemplateTest.CATALOG_POLICIES);

    @Test
    void everyModelledStatementIsTheTemplatesOfTheSameSid() {
        List<PolicyStatement> template = template();
        assertTrue(MODEL.size() >= 7, "statements modelled: " + MODEL.size());
        for (SimulatedStatement modelled : MODEL) {
            PolicyStatement deployed = TargetAccountTemplateTest.only(template, s -> s.sid().equals(modelled.sid()),
                    "with Sid " + modelled.sid());
            assertEquals(deployed.allow(), modelled.allow(), modelled.sid());
            assertEquals(deployed.actions().stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                    modelled.actions(), modelled.sid());
            assertEquals(deployed.resources(), modelled.resources(), modelled.sid());
            assertEquals(conditionKeys(deployed), modelled.conditions().size(), modelled.sid());
            for (SimulatedStatement.Condition condition : modelled.conditions()) {
                assertEquals(Set.copyOf(deployed.conditionValues(operator(condition), condition.key())),
                        condition.values(), modelled.sid() + " " + condition.key());
            }
        }
    }

    @Test
    void everyTemplateStatementThatDecidesAProbeIsModelled() {
        BrokerTarget target = BrokerTarget.of("arn:aws:iam::" + ACCOUNT + ":role/iam-steward-broker",
                "/iam-steward/", TargetAccountTemplateTest.BOUNDARY, Set.copyOf(
                        TargetAccountTemplateTest.CATALOG_POLICIES));
        Set<String> deciding = new TreeSet<>();
        for (BrokerProbe probe : BrokerSelfCheck.probes(target)) {
            template().stream().filter(s -> s.covers(probe.action())).forEach(s -> deciding.add(s.sid()));
        }
        Set<String> modelled = MODEL.stream().map(SimulatedStatement::sid).collect(Collectors.toSet());

        assertTrue(deciding.size() >= 6, deciding.toString());
        assertTrue(modelled.containsAll(deciding), "not modelled: " + deciding.stream()
                .filter(s -> !modelled.contains(s)).toList());
    }

    private static List<PolicyStatement> template() {
        return TargetAccountTemplateTest.brokerPermissions(TargetAccountTemplateTest.withCatalog());
    }

    private static String operator(SimulatedStatement.Condition condition) {
        return switch (condition.operator()) {
            case STRING_EQUALS -> "StringEquals";
            case STRING_NOT_EQUALS -> "StringNotEquals";
            case ARN_EQUALS -> "ArnEquals";
        };
    }

    private static int conditionKeys(PolicyStatement statement) {
        int keys = 0;
        for (Iterator<String> operators = statement.condition().fieldNames(); operators.hasNext(); ) {
            keys += statement.condition().path(operators.next()).size();
        }
        return keys;
    }
}
