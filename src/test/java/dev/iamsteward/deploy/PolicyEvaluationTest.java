package dev.iamsteward.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamsteward.deploy.IamSimulate.Probe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The resolved templates of deploy/aws, for every parameter combination they allow, evaluated by an IAM policy
 * engine nobody on this project wrote: every probe of {@link PolicyProbes} gets the decision it must. The table
 * of probes and answers is written to target/policy-probes/probe-table.md.
 */
class PolicyEvaluationTest {

    static final Path TABLE = Path.of(System.getProperty("policy.probes", "target/policy-probes"))
            .resolve("probe-table.md");

    @Test
    void everyProbeGetsTheDecisionTheTemplatesPromise() throws IOException {
        List<Probe> probes = new PolicyProbes().all();
        Map<String, String> answers = IamSimulate.evaluate(probes);

        assertTrue(probes.size() > 300, "probes: " + probes.size());
        assertEquals(probes.size(), answers.size(), "every probe has its own id");
        List<String> wrong = new ArrayList<>();
        StringBuilder table = new StringBuilder("| combination | principal | action | resource | context | expected"
                + " | iam-simulate |\n|---|---|---|---|---|---|---|\n");
        long allowed = 0;
        for (Probe probe : probes) {
            String answer = answers.get(probe.id());
            boolean evaluatedAllowed = "Allowed".equals(answer);
            allowed += evaluatedAllowed ? 1 : 0;
            if (evaluatedAllowed != probe.allowed()) {
                wrong.add(probe.id() + ": expected " + (probe.allowed() ? "Allowed" : "denied") + ", got " + answer);
            }
            String[] parts = probe.id().split(" \\| ", 2);
            table.append("| ").append(parts[0]).append(" | ").append(parts[1].substring(0, parts[1].indexOf(" | ")))
                    .append(" | ").append(probe.action()).append(" | ").append(probe.resource()).append(" | ")
                    .append(probe.context().isEmpty() ? "" : probe.context().toString().replace("|", "\\|"))
                    .append(probe.id().contains("under its resource policy")
                            ? " (resource policy naming the caller)" : "")
                    .append(probe.id().contains("under the RCP") ? " (RCP)" : "")
                    .append(" | ").append(probe.allowed() ? "Allowed" : "denied").append(" | ").append(answer)
                    .append(" |\n");
        }
        if (DeployDirectory.isTheRepositorys()) {
            Files.createDirectories(TABLE.getParent());
            Files.writeString(TABLE, table);
        }
        assertEquals(List.of(), wrong, wrong.size() + " of " + probes.size() + " probes decided otherwise");
        assertTrue(allowed > 50 && allowed < probes.size() - 150, "allowed: " + allowed + " of " + probes.size());
    }

    /** Parameters that end up in a policy's ARN or principal refuse IAM's wildcards, item by item. */
    @Test
    void everyParameterThatLandsInAnArnRefusesWildcards() throws IOException {
        Map<Path, Map<String, String>> samples = Map.of(
                TargetAccountTemplateTest.TEMPLATE, Map.of("ServiceRoleArn", TargetAccountTemplateTest.SERVICE_ROLE,
                        "CatalogPolicyArns", TargetAccountTemplateTest.CATALOG_POLICIES.get(0),
                        "CatalogGroupArns", TargetAccountTemplateTest.CATALOG_GROUPS.get(1),
                        "CatalogGroupNames", "data-readers"),
                PodRoleTemplatesTest.POD_IDENTITY, Map.of("BrokerRoleArns", PodRoleTemplatesTest.BROKERS.get(0),
                        "KmsKeyArn", PodRoleTemplatesTest.KEY, "SecretsKmsKeyArn", PodRoleTemplatesTest.KEY,
                        "ClusterName", "prod"),
                PodRoleTemplatesTest.IRSA, Map.of("BrokerRoleArns", PodRoleTemplatesTest.BROKERS.get(0),
                        "KmsKeyArn", PodRoleTemplatesTest.KEY, "SecretsKmsKeyArn", PodRoleTemplatesTest.KEY,
                        "OidcProvider", PodRoleTemplatesTest.PROVIDER),
                PolicyProbes.ORGANIZATION, Map.of("TargetIds", "ou-abcd-12345678",
                        "SecretsNamePrefix", "iam-steward/"));
        // Action patterns by design (the boundary's cap), or a value no ARN contains.
        List<String> exempt = List.of("BoundaryAllowedActions", "ExternalId");
        int checked = 0;
        for (Map.Entry<Path, Map<String, String>> template : samples.entrySet()) {
            JsonNode parameters = KubernetesManifestsTest.YAML.readTree(
                    DeployDirectory.resolve(template.getKey()).toFile()).path("Parameters");
            for (var it = parameters.fields(); it.hasNext(); ) {
                var parameter = it.next();
                String name = parameter.getKey();
                JsonNode declaration = parameter.getValue();
                if (exempt.contains(name) || declaration.has("AllowedValues")) {
                    continue;
                }
                String where = template.getKey().getFileName() + " " + name;
                assertTrue(declaration.has("AllowedPattern"), where + " has no AllowedPattern");
                Pattern pattern = Pattern.compile(declaration.path("AllowedPattern").asText());
                String sample = template.getValue().getOrDefault(name, declaration.path("Default").asText());
                assertFalse(sample.isEmpty(), where + " needs a sample value");
                assertTrue(pattern.matcher(sample).matches(), where + " refuses its sample " + sample);
                int cut = sample.length() - 1;
                for (String widened : List.of(sample.substring(0, cut) + "*", sample + "*",
                        sample.substring(0, cut) + "?", "*", sample.substring(0, cut / 2) + "*"
                                + sample.substring(cut / 2))) {
                    assertFalse(pattern.matcher(widened).matches(), where + " accepts " + widened);
                }
                checked++;
            }
        }
        assertTrue(checked >= 20, "parameters checked: " + checked);
    }
}
