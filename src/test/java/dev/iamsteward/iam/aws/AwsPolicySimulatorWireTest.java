package dev.iamsteward.iam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.Simulation;
import dev.iamsteward.iam.Simulation.Decision;
import dev.iamsteward.iam.SimulationQuery;
import dev.iamsteward.iam.aws.CannedHttp.Answer;
import dev.iamsteward.support.MotoServer;
import io.opentelemetry.api.OpenTelemetry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SimulatePrincipalPolicy on the wire, against a scripted IAM (moto 5.2.5 does not implement the operation)
 * with STS from moto: the request the adapter sends, every page of results, and AccessDenied as "not permitted".
 */
class AwsPolicySimulatorWireTest {

    private static final String USERS = "arn:aws:iam::123456789012:user/iam-steward/steward-self-check";
    private static final String OTHER = "arn:aws:iam::123456789012:user/steward-self-check-outside";
    private static final String BOUNDARY = "arn:aws:iam::123456789012:policy/iam-steward/managed-user-boundary";

    @Test
    void theQueryIsSentAsIamExpectsItAndEveryPageIsRead() {
        try (CannedHttp iam = CannedHttp.answering(call -> Answer.xml(call.containsKey("Marker")
                ? page("", result("iam:CreateAccessKey", USERS, "implicitDeny", ""))
                : page("<Marker>page-2</Marker>", result("iam:CreateUser", USERS, "allowed", "")
                        + result("iam:DeleteUser", USERS, "explicitDeny", ""))));
                AwsIamDirectory aws = directory(iam)) {

            Simulation answer = aws.simulator().simulate(TestAwsConfig.ROLE_ARN, new SimulationQuery(
                    List.of("iam:CreateUser", "iam:DeleteUser", "iam:CreateAccessKey"), List.of(USERS),
                    Map.of("iam:PermissionsBoundary", BOUNDARY)));

            Simulation.Evaluated evaluated = assertInstanceOf(Simulation.Evaluated.class, answer);
            assertEquals(List.of(Decision.ALLOWED, Decision.EXPLICIT_DENY, Decision.IMPLICIT_DENY),
                    evaluated.evaluations().stream().map(Simulation.Evaluation::decision).toList());
            assertEquals(Decision.IMPLICIT_DENY, evaluated.decision("iam:CreateAccessKey", USERS).orElseThrow());
            Map<String, String> first = iam.calls().get(0);
            assertEquals("SimulatePrincipalPolicy", first.get("Action"));
            assertEquals(TestAwsConfig.ROLE_ARN, first.get("PolicySourceArn"));
            assertEquals("iam:CreateUser", first.get("ActionNames.member.1"));
            assertEquals("iam:CreateAccessKey", first.get("ActionNames.member.3"));
            assertEquals(USERS, first.get("ResourceArns.member.1"));
            assertEquals("iam:PermissionsBoundary", first.get("ContextEntries.member.1.ContextKeyName"));
            assertEquals("string", first.get("ContextEntries.member.1.ContextKeyType"));
            assertEquals(BOUNDARY, first.get("ContextEntries.member.1.ContextKeyValues.member.1"));
            assertEquals(2, iam.calls().size());
            assertEquals("page-2", iam.calls().get(1).get("Marker"));
        }
    }

    @Test
    void withSeveralResourcesEachGetsItsOwnDecision() {
        String perResource = "<ResourceSpecificResults>"
                + "<member><EvalResourceName>" + USERS + "</EvalResourceName>"
                + "<EvalResourceDecision>allowed</EvalResourceDecision></member>"
                + "<member><EvalResourceName>" + OTHER + "</EvalResourceName>"
                + "<EvalResourceDecision>implicitDeny</EvalResourceDecision></member></ResourceSpecificResults>";
        try (CannedHttp iam = CannedHttp.answering(call -> Answer.xml(page("",
                result("iam:DeleteUser", "*", "allowed", perResource))));
                AwsIamDirectory aws = directory(iam)) {

            Simulation.Evaluated evaluated = assertInstanceOf(Simulation.Evaluated.class, aws.simulator().simulate(
                    TestAwsConfig.ROLE_ARN, new SimulationQuery(List.of("iam:DeleteUser"), List.of(USERS, OTHER),
                            Map.of())));

            assertEquals(Decision.ALLOWED, evaluated.decision("iam:DeleteUser", USERS).orElseThrow());
            assertEquals(Decision.IMPLICIT_DENY, evaluated.decision("iam:DeleteUser", OTHER).orElseThrow());
            assertEquals(OTHER, iam.calls().get(0).get("ResourceArns.member.2"));
        }
    }

    @Test
    void accessDeniedOnTheSimulationIsNotPermittedAndOtherFailuresAreErrors() {
        try (CannedHttp iam = CannedHttp.answering(call -> new Answer(403, "text/xml", error("AccessDenied",
                "not authorized to perform: iam:SimulatePrincipalPolicy")));
                AwsIamDirectory aws = directory(iam)) {

            Simulation answer = aws.simulator().simulate(TestAwsConfig.ROLE_ARN, new SimulationQuery(
                    List.of("iam:CreateUser"), List.of(USERS), Map.of()));

            Simulation.NotPermitted refused = assertInstanceOf(Simulation.NotPermitted.class, answer);
            assertTrue(refused.message().contains("iam:SimulatePrincipalPolicy"), refused.message());
        }
        try (CannedHttp iam = CannedHttp.answering(call -> new Answer(404, "text/xml", error("NoSuchEntity",
                "The role with name nobody cannot be found.")));
                AwsIamDirectory aws = directory(iam)) {

            assertThrows(IamException.NoSuchEntity.class, () -> aws.simulator().simulate(TestAwsConfig.ROLE_ARN,
                    new SimulationQuery(List.of("iam:CreateUser"), List.of(USERS), Map.of())));
        }
    }

    private static AwsIamDirectory directory(CannedHttp iam) {
        return new AwsIamDirectory(TestAwsConfig.pointingAt(iam.endpoint(), MotoServer.get().endpoint()),
                OpenTelemetry.noop());
    }

    private static String page(String marker, String results) {
        return "<SimulatePrincipalPolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<SimulatePrincipalPolicyResult><IsTruncated>" + !marker.isEmpty() + "</IsTruncated>" + marker
                + "<EvaluationResults>" + results + "</EvaluationResults></SimulatePrincipalPolicyResult>"
                + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></SimulatePrincipalPolicyResponse>";
    }

    private static String result(String action, String resource, String decision, String extra) {
        return "<member><EvalActionName>" + action + "</EvalActionName><EvalResourceName>" + resource
                + "</EvalResourceName><EvalDecision>" + decision + "</EvalDecision><MatchedStatements/>"
                + "<MissingContextValues/>" + extra + "</member>";
    }

    private static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>"
                + code + "</Code><Message>" + message + "</Message></Error><RequestId>r-1</RequestId></ErrorResponse>";
    }
}
