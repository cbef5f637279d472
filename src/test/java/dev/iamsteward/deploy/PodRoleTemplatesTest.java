package dev.iamsteward.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pod role, in its Pod Identity and IRSA variants,
 * can only assume the broker roles, wrap keys and write secrets.
 */
class PodRoleTemplatesTest {

    static final Path POD_IDENTITY = Path.of("deploy/aws/pod-role-pod-identity.yaml");
    static final Path IRSA = Path.of("deploy/aws/pod-role-irsa.yaml");
    static final String ACCOUNT = CloudFormationTemplate.ACCOUNT;
    static final List<String> BROKERS = List.of("arn:aws:iam::" + ACCOUNT + ":role/iam-steward-broker",
            "arn:aws:iam::444455556666:role/iam-steward-broker");
    static final String KEY = "arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String SECRETS_KEY = "arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/secrets";
    static final String PROVIDER = "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    static final String SECRETS = "arn:aws:secretsmanager:eu-west-1:" + ACCOUNT + ":secret:iam-steward/*";

    static CloudFormationTemplate load(Path path, boolean secretsManager) {
        Map<String, String> parameters = new HashMap<>(Map.of("BrokerRoleArns", String.join(",", BROKERS),
                "KmsKeyArn", KEY, "ClusterName", "prod", "OidcProvider", PROVIDER));
        if (secretsManager) {
            parameters.put("SecretsManagerEnabled", "true");
            parameters.put("SecretsKmsKeyArn", SECRETS_KEY);
        }
        return CloudFormationTemplate.load(path, parameters);
    }

    static List<PolicyStatement> permissions(CloudFormationTemplate template) {
        List<PolicyStatement> statements = new ArrayList<>();
        template.resources("AWS::IAM::RolePolicy").values()
                .forEach(p -> statements.addAll(PolicyStatement.of(p.path("PolicyDocument"))));
        return statements;
    }

    static boolean allowedOn(List<PolicyStatement> statements, String action, String resource) {
        return statements.stream().anyMatch(s -> s.allow() && s.covers(action)
                && s.resources().stream().anyMatch(r -> PolicyStatement.matches(r, resource)));
    }

    @Test
    void bothVariantsGrantTheSamePermissionsFromTheSameParameters() {
        JsonNode podIdentity = load(POD_IDENTITY, true).raw();
        JsonNode irsa = load(IRSA, true).raw();
        for (String logicalId : List.of("AssumeBrokerRoles", "WrapDataKeys", "WriteDeliveredSecrets",
                "EncryptSecretsWithTheirKey")) {
            assertEquals(podIdentity.path("Resources").path(logicalId),
                    irsa.path("Resources").path(logicalId), logicalId);
        }
        assertEquals(podIdentity.path("Conditions"), irsa.path("Conditions"));
        for (String parameter : List.of("BrokerRoleArns", "KmsKeyArn", "SecretsManagerEnabled", "SecretsNamePrefix",
                "SecretsKmsKeyArn", "Namespace", "ServiceAccountName")) {
            assertEquals(podIdentity.path("Parameters").path(parameter), irsa.path("Parameters").path(parameter),
                    parameter);
        }
    }

    @Test
    void nothingButStsKmsAndSecretsManagerAndNeverOnEverything() {
        for (Path path : List.of(POD_IDENTITY, IRSA)) {
            List<PolicyStatement> statements = permissions(load(path, true));
            assertTrue(statements.size() >= 6, path + ": " + statements.size());
            for (PolicyStatement statement : statements) {
                if (statement.sid().equals("NeverReadEvenWhenAResourcePolicyAllows")) {
                    assertEquals("Deny", statement.effect());
                    continue;
                }
                assertEquals("Allow", statement.effect(), statement.sid());
                assertEquals(List.of(), statement.notActions(), statement.sid());
                assertFalse(statement.resources().isEmpty() || statement.resources().contains("*"), statement.sid());
                for (String action : statement.actions()) {
                    assertFalse(action.contains("*"), statement.sid() + " " + action);
                    assertTrue(action.matches("(sts|kms|secretsmanager):[A-Za-z]+"), statement.sid() + " " + action);
                }
            }
        }
    }

    @Test
    void stsOnlyOnTheBrokerRolesWithWhatTheSessionsNeed() {
        String sessions = MainSources.read("iam/aws/StsSessions.java");
        assertTrue(sessions.contains(".sourceIdentity(") && sessions.contains(".tags("));
        for (Path path : List.of(POD_IDENTITY, IRSA)) {
            List<PolicyStatement> statements = permissions(load(path, true));
            for (PolicyStatement statement : statements) {
                if (statement.actions().stream().anyMatch(a -> a.startsWith("sts:"))) {
                    assertEquals(Set.of("sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"),
                            Set.copyOf(statement.actions()), path + " " + statement.sid());
                    assertEquals(BROKERS, statement.resources(), path + " " + statement.sid());
                }
            }
            for (String broker : BROKERS) {
                assertTrue(allowedOn(statements, "sts:AssumeRole", broker), path + " " + broker);
            }
        }
    }

    @Test
    void kmsWrapsAndUnwrapsOnlyUnderTheDeliveryEncryptionContext() {
        Set<String> calls = MainSources.awsActions("credential/aws/KmsKeyEncryptionKey.java", "kms", "kms");
        assertEquals(Set.of("kms:Encrypt", "kms:Decrypt"), calls);
        String contextKey = MainSources.matches("credential/aws/KmsKeyEncryptionKey.java",
                Pattern.compile("CONTEXT_KEY = \"([^\"]+)\"")).iterator().next();

        List<PolicyStatement> statements = permissions(load(POD_IDENTITY, false));
        PolicyStatement wrap = TargetAccountTemplateTest.only(statements, s -> s.resources().equals(List.of(KEY)),
                "on the key-encryption key");
        assertEquals(calls, Set.copyOf(wrap.actions()));
        assertEquals(List.of(contextKey),
                wrap.conditionValues("ForAllValues:StringEquals", "kms:EncryptionContextKeys"));
        assertEquals(List.of(contextKey),
                wrap.conditionValues("ForAnyValue:StringEquals", "kms:EncryptionContextKeys"));
    }

    @Test
    void secretsManagerWritesOnlyUnderThePrefixNeverReadsAndNeverMakesASecretPublic() {
        Set<String> calls = MainSources.awsActions("credential/aws/SecretsManagerSink.java",
                "secrets", "secretsmanager");
        assertTrue(calls.containsAll(Set.of("secretsmanager:CreateSecret", "secretsmanager:PutSecretValue",
                "secretsmanager:PutResourcePolicy")), calls.toString());
        String prefix = MainSources.matches("credential/aws/SecretsManagerConfig.java",
                Pattern.compile("@WithDefault\\(\"([^\"]+)\"\\)\\s+String namePrefix")).iterator().next();
        assertEquals(prefix,
                load(IRSA, true).raw().path("Parameters").path("SecretsNamePrefix").path("Default").asText());

        List<PolicyStatement> statements = permissions(load(IRSA, true));
        Set<String> missing = new TreeSet<>();
        for (String call : calls) {
            if (!allowedOn(statements, call, SECRETS.replace("*", "alice/access_key"))) {
                missing.add(call);
            }
        }
        assertEquals(Set.of(), missing);
        for (PolicyStatement statement : statements) {
            if (statement.allow() && statement.actions().stream().anyMatch(a -> a.startsWith("secretsmanager:"))) {
                assertEquals(List.of(SECRETS), statement.resources(), statement.sid());
            }
        }
        assertFalse(allowedOn(statements, "secretsmanager:GetSecretValue", SECRETS));
        assertFalse(allowedOn(statements, "secretsmanager:DeleteSecret", SECRETS));
        PolicyStatement policy = TargetAccountTemplateTest.only(statements,
                s -> s.covers("secretsmanager:PutResourcePolicy"), "allowing PutResourcePolicy");
        assertEquals(List.of("true"), policy.conditionValues("Bool", "secretsmanager:BlockPublicPolicy"));
        PolicyStatement secretsKey = TargetAccountTemplateTest.only(statements,
                s -> s.resources().equals(List.of(SECRETS_KEY)), "on the secrets' own key");
        assertEquals(List.of("secretsmanager.eu-west-1.amazonaws.com"),
                secretsKey.conditionValues("StringEquals", "kms:ViaService"));
    }

    @Test
    void withSecretsManagerOffThePodsHaveNoSecretsManagerPermission() {
        for (Path path : List.of(POD_IDENTITY, IRSA)) {
            List<PolicyStatement> statements = permissions(load(path, false));
            assertTrue(statements.stream().filter(PolicyStatement::allow).flatMap(s -> s.actions().stream())
                    .noneMatch(a -> a.startsWith("secretsmanager:")), path.toString());
            assertFalse(statements.stream().anyMatch(s -> s.resources().contains(SECRETS_KEY)), path.toString());
        }
    }

    @Test
    void podIdentityTrustsOnlyEksAuthForTheServicesServiceAccountThroughTheSessionTags() {
        CloudFormationTemplate template = load(POD_IDENTITY, false);
        PolicyStatement trust = TargetAccountTemplateTest.only(PolicyStatement.of(
                template.resource("PodRole").path("AssumeRolePolicyDocument")), s -> true, "of trust");
        assertEquals("pods.eks.amazonaws.com", trust.principal().path("Service").asText());
        assertEquals(Set.of("sts:AssumeRole", "sts:TagSession"), Set.copyOf(trust.actions()));
        assertEquals(List.of("iam-steward"),
                trust.conditionValues("StringEquals", "aws:RequestTag/kubernetes-namespace"));
        assertEquals(List.of("iam-steward"),
                trust.conditionValues("StringEquals", "aws:RequestTag/kubernetes-service-account"));
        assertEquals(List.of("arn:aws:eks:eu-west-1:" + ACCOUNT + ":cluster/prod"),
                trust.conditionValues("StringEquals", "aws:RequestTag/eks-cluster-arn"));

        JsonNode association = template.resources("AWS::EKS::PodIdentityAssociation").get("PodIdentityAssociation");
        assertEquals("iam-steward", association.path("Namespace").asText());
        assertEquals("iam-steward", association.path("ServiceAccount").asText());
        assertEquals("{PodRole.Arn}", association.path("RoleArn").asText());
        assertFalse(association.path("DisableSessionTags").asBoolean(true), "the trust needs the session tags");
    }

    @Test
    void irsaTrustsOnlyTheServicesServiceAccountForSts() {
        CloudFormationTemplate template = load(IRSA, false);
        PolicyStatement trust = TargetAccountTemplateTest.only(PolicyStatement.of(
                template.resource("PodRole").path("AssumeRolePolicyDocument")), s -> true, "of trust");
        assertEquals("arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + PROVIDER,
                trust.principal().path("Federated").asText());
        assertEquals(List.of("sts:AssumeRoleWithWebIdentity"), trust.actions());
        assertEquals(List.of("system:serviceaccount:iam-steward:iam-steward"),
                trust.conditionValues("StringEquals", PROVIDER + ":sub"));
        assertEquals(List.of("sts.amazonaws.com"), trust.conditionValues("StringEquals", PROVIDER + ":aud"));
    }
}
