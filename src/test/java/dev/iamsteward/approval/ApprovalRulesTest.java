package dev.iamsteward.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.account.CatalogConfig.Risk;
import dev.iamsteward.request.ApprovalPolicy;
import dev.iamsteward.request.ApprovalRequirement.AutoApprove;
import dev.iamsteward.request.RequestType;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The most specific rule applies, and rules that could not be applied as written stop the service. */
class ApprovalRulesTest {

    private static final Rule DEFAULT = new Rule(null, null, 1, AutoApprove.NEVER);
    private static final Rule HIGH = new Rule(null, Set.of(Risk.HIGH), 2, AutoApprove.NEVER);
    private static final Rule OWN_KEY = new Rule(Set.of(RequestType.DEACTIVATE_ACCESS_KEY), null, 1, AutoApprove.OWNER);
    private static final Rule HIGH_POLICY = new Rule(Set.of(RequestType.ATTACH_POLICY), Set.of(Risk.HIGH), 3,
            AutoApprove.NEVER);

    @Test
    void theMostSpecificMatchingRuleApplies() {
        ApprovalRules rules = new ApprovalRules(config(Map.of("default", DEFAULT, "high-risk", HIGH,
                "own-key", OWN_KEY, "high-policy", HIGH_POLICY)));

        assertEquals("default", rule(rules, RequestType.CREATE_USER, "LOW"));
        assertEquals("high-risk", rule(rules, RequestType.ADD_TO_GROUP, "HIGH"));
        assertEquals("high-policy", rule(rules, RequestType.ATTACH_POLICY, "HIGH"));
        assertEquals("default", rule(rules, RequestType.ATTACH_POLICY, "MEDIUM"));
        ApprovalPolicy.Match ownKey = rules.match("default", RequestType.DEACTIVATE_ACCESS_KEY, "LOW");
        assertEquals("own-key", ownKey.requirement().rule);
        assertEquals(AutoApprove.OWNER, ownKey.autoApprove());
        assertEquals(2, rules.match("default", RequestType.ADD_TO_GROUP, "HIGH").requirement().approvals);
    }

    @Test
    void rulesWithoutADefaultAreRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new ApprovalRules(config(Map.of("high-risk", HIGH))));
        assertTrue(refused.getMessage().contains("no default rule"), refused.getMessage());
    }

    @Test
    void twoRulesCoveringTheSameRequestsEquallyAreRefused() {
        Rule alsoHigh = new Rule(null, Set.of(Risk.HIGH, Risk.MEDIUM), 3, AutoApprove.NEVER);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new ApprovalRules(config(Map.of("default", DEFAULT, "a", HIGH, "b", alsoHigh))));
        assertTrue(refused.getMessage().contains("equally specifically"), refused.getMessage());
    }

    @Test
    void aRuleNobodyCanMeetIsRefused() {
        Rule none = new Rule(Set.of(RequestType.CREATE_USER), null, 0, AutoApprove.NEVER);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new ApprovalRules(config(Map.of("default", DEFAULT, "none", none))));
        assertTrue(refused.getMessage().contains("at least one approval"), refused.getMessage());
    }

    private static String rule(ApprovalRules rules, RequestType type, String risk) {
        return rules.match("default", type, risk).requirement().rule;
    }

    private static ApprovalConfig config(Map<String, ApprovalConfig.Rule> rules) {
        return new ApprovalConfig() {
            @Override
            public Duration pendingTimeout() {
                return Duration.ofDays(7);
            }

            @Override
            public Duration sweepInterval() {
                return Duration.ofMinutes(1);
            }

            @Override
            public Map<String, ApprovalConfig.Rule> rules() {
                return rules;
            }
        };
    }

    /** A rule as configuration would give it. */
    private record Rule(Set<RequestType> typeSet, Set<Risk> riskSet, int approvals, AutoApprove autoApprove)
            implements ApprovalConfig.Rule {

        @Override
        public Optional<Set<String>> accounts() {
            return Optional.empty();
        }

        @Override
        public Optional<Set<RequestType>> types() {
            return Optional.ofNullable(typeSet);
        }

        @Override
        public Optional<Set<Risk>> risks() {
            return Optional.ofNullable(riskSet);
        }

        @Override
        public Set<String> approverGroups() {
            return Set.of("approver");
        }

        @Override
        public boolean ownerMustApprove() {
            return false;
        }

        @Override
        public boolean managerMustApprove() {
            return false;
        }

        @Override
        public ApprovalConfig.BreakGlass breakGlass() {
            return new NoBreakGlass();
        }
    }
}
