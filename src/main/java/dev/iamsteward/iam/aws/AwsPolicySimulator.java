package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.IamCalls.call;

import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.PolicySimulator;
import dev.iamsteward.iam.Simulation;
import dev.iamsteward.iam.SimulationQuery;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;

/**
 * SimulatePrincipalPolicy in the service's own session on the broker role, every page of results read. With one
 * resource IAM answers per action; with several, per action and resource (ResourceSpecificResults).
 */
final class AwsPolicySimulator implements PolicySimulator {

    private final IamCalls calls;
    private final IamClient iam;
    private final String brokerRoleArn;

    AwsPolicySimulator(IamCalls calls, String brokerRoleArn) {
        this.calls = calls;
        this.iam = calls.client();
        this.brokerRoleArn = brokerRoleArn;
    }

    @Override
    public String brokerRoleArn() {
        return brokerRoleArn;
    }

    @Override
    public Simulation simulate(String policySourceArn, SimulationQuery query) {
        List<ContextEntry> context = query.context().entrySet().stream()
                .map(e -> ContextEntry.builder().contextKeyName(e.getKey()).contextKeyType(ContextKeyTypeEnum.STRING)
                        .contextKeyValues(e.getValue()).build())
                .toList();
        try {
            return call(() -> {
                List<Simulation.Evaluation> evaluations = new ArrayList<>();
                iam.simulatePrincipalPolicyPaginator(r -> r.overrideConfiguration(calls.asService())
                                .policySourceArn(policySourceArn).actionNames(query.actions())
                                .resourceArns(query.resourceArns()).contextEntries(context))
                        .evaluationResults().forEach(result -> evaluations.addAll(evaluations(result)));
                return new Simulation.Evaluated(evaluations);
            });
        } catch (IamException.AccessDenied e) {
            return new Simulation.NotPermitted(e.getMessage());
        }
    }

    private static List<Simulation.Evaluation> evaluations(EvaluationResult result) {
        if (result.hasResourceSpecificResults() && !result.resourceSpecificResults().isEmpty()) {
            List<Simulation.Evaluation> perResource = new ArrayList<>();
            for (ResourceSpecificResult specific : result.resourceSpecificResults()) {
                perResource.add(new Simulation.Evaluation(result.evalActionName(), specific.evalResourceName(),
                        decision(specific.evalResourceDecision())));
            }
            return perResource;
        }
        return List.of(new Simulation.Evaluation(result.evalActionName(), result.evalResourceName(),
                decision(result.evalDecision())));
    }

    /** An answer the SDK does not know is not an allow. */
    private static Simulation.Decision decision(PolicyEvaluationDecisionType decision) {
        return switch (decision) {
            case ALLOWED -> Simulation.Decision.ALLOWED;
            case EXPLICIT_DENY -> Simulation.Decision.EXPLICIT_DENY;
            default -> Simulation.Decision.IMPLICIT_DENY;
        };
    }
}
