package dev.iamsteward.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The broker role allows every IAM call the AWS adapter makes and every action a plan names, and nothing the
 * service does not call: the policy cannot fall behind the code, nor run ahead of it.
 */
class BrokerRoleCoversAdapterTest {

    /** Allowed without a call in the adapter today: a repair of the boundary, and the posture reads to come. */
    static final Set<String> ALLOWED_AHEAD_OF_THE_CODE = Set.of("iam:PutUserPermissionsBoundary",
            "iam:GetAccountSummary", "iam:GenerateCredentialReport", "iam:GetCredentialReport");
    /**
     * Made with the organization role of deploy/aws/organization-root.yaml, never with the broker: its probes are in
     * PolicyEvaluationTest.
     */
    static final Set<String> MADE_BY_THE_ORGANIZATION_ROLE = Set.of("iam:ListOrganizationsFeatures");
    /** The adapter can make these calls, but no plan may: the broker denies them. */
    static final Set<String> DENIED_ON_PURPOSE = Set.of("iam:DeleteUserPermissionsBoundary");

    static final List<PolicyStatement> BROKER =
            TargetAccountTemplateTest.brokerPermissions(TargetAccountTemplateTest.withCatalog());

    static Set<String> adapterActions() {
        return MainSources.awsActions("iam/aws", "iam", "iam");
    }

    /**
     * The actions the plans name, where plans are made and run. The broker self-check (iam) names actions too,
     * but only to ask IAM's simulator whether they are denied: it never calls them.
     */
    static Set<String> plannedActions() {
        Pattern named = Pattern.compile("\"(iam:[A-Za-z]+)\"");
        Set<String> planned = new TreeSet<>(MainSources.matches("request", named));
        planned.addAll(MainSources.matches("execution", named));
        return planned;
    }

    static Set<String> notAllowed(Set<String> actions) {
        Set<String> missing = new TreeSet<>();
        for (String action : actions) {
            if (!TargetAccountTemplateTest.allowed(BROKER, action)) {
                missing.add(action);
            }
        }
        return missing;
    }

    @Test
    void everyIamCallOfTheAwsAdapterIsAllowed() {
        Set<String> actions = new TreeSet<>(adapterActions());
        assertTrue(actions.size() >= 30, "IAM calls found in the adapter: " + actions);
        assertTrue(actions.containsAll(Set.of("iam:CreateUser", "iam:ListAccessKeys", "iam:ListMFADevices",
                "iam:ListSSHPublicKeys", "iam:GetAccountPasswordPolicy")), actions.toString());
        actions.removeAll(DENIED_ON_PURPOSE);
        actions.removeAll(MADE_BY_THE_ORGANIZATION_ROLE);

        assertEquals(Set.of(), notAllowed(actions));
    }

    @Test
    void everyIamActionAPlanNamesIsAllowed() {
        Set<String> planned = plannedActions();
        assertTrue(planned.size() >= 15, "IAM actions named in plans: " + planned);

        assertEquals(Set.of(), notAllowed(planned));
    }

    @Test
    void theCallsDeniedOnPurposeAreDeniedAndNoPlanNamesThem() {
        assertTrue(adapterActions().containsAll(DENIED_ON_PURPOSE), "the list is stale: " + adapterActions());
        for (String action : DENIED_ON_PURPOSE) {
            assertFalse(plannedActions().contains(action), action);
            assertTrue(BROKER.stream().anyMatch(s -> TargetAccountTemplateTest.isPlainDeny(s) && s.covers(action)
                    && s.resources().equals(List.of("*"))), action);
        }
    }

    @Test
    void theBrokerIsAllowedNothingTheServiceDoesNotCall() {
        Set<String> known = new TreeSet<>(adapterActions());
        known.addAll(ALLOWED_AHEAD_OF_THE_CODE);
        Set<String> unexpected = new TreeSet<>();
        BROKER.stream().filter(PolicyStatement::allow).flatMap(s -> s.actions().stream())
                .filter(a -> !known.contains(a)).forEach(unexpected::add);

        assertEquals(Set.of(), unexpected);
    }
}
