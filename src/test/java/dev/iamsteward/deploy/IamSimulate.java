package dev.iamsteward.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Asks {@code @cloud-copilot/iam-simulate}, an IAM policy engine this project did not write (npm, pinned in
 * src/test/policy-probes, installed under target/ by the build, never shipped), how IAM decides each request.
 */
final class IamSimulate {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Path HOME = Path.of(System.getProperty("policy.probes", "target/policy-probes"));

    private IamSimulate() {
    }

    /** The engine's answer per probe id: Allowed, ExplicitlyDenied or ImplicitlyDenied. */
    static Map<String, String> evaluate(List<Probe> probes) {
        assertTrue(Files.isDirectory(HOME.resolve("node_modules/@cloud-copilot/iam-simulate")),
                "the policy evaluator is installed by the build (src/test/policy-probes/install.sh) in " + HOME);
        try {
            Path in = Files.createTempFile(HOME, "probes-", ".json");
            Path out = Files.createTempFile(HOME, "answers-", ".json");
            ArrayNode input = JSON.createArrayNode();
            probes.forEach(p -> input.addObject().put("id", p.id()).set("simulation", p.simulation()));
            JSON.writeValue(in.toFile(), input);
            Process node = new ProcessBuilder("node", "probe.mjs", in.getFileName().toString(),
                    out.getFileName().toString()).directory(HOME.toFile()).redirectErrorStream(true).start();
            String log = new String(node.getInputStream().readAllBytes());
            assertTrue(node.waitFor(120, TimeUnit.SECONDS), "the evaluator did not finish");
            assertEquals(0, node.exitValue(), log);
            Map<String, String> answers = new LinkedHashMap<>();
            List<String> refused = new ArrayList<>();
            for (JsonNode answer : JSON.readTree(out.toFile())) {
                if (answer.path("result").asText().equals("Error")) {
                    refused.add(answer.path("id").asText() + ": " + answer.path("errors").asText());
                }
                if (!answer.path("ignoredContextKeys").isEmpty()) {
                    refused.add(answer.path("id").asText() + ": condition keys ignored for the action: "
                            + answer.path("ignoredContextKeys"));
                }
                answers.put(answer.path("id").asText(), answer.path("result").asText());
            }
            assertEquals(List.of(), refused, "requests the evaluator refused, or evaluated without some of their keys");
            Files.delete(in);
            Files.delete(out);
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Who asks, with the policies IAM weighs for them. */
    record Principal(String name, String arn, List<JsonNode> identityPolicies, List<JsonNode> boundaries,
            List<JsonNode> serviceControlPolicies) {

        Principal(String name, String arn, List<JsonNode> identityPolicies, List<JsonNode> boundaries) {
            this(name, arn, identityPolicies, boundaries, List.of());
        }

        Principal withServiceControlPolicies(List<JsonNode> policies) {
            return new Principal(name, arn, identityPolicies, boundaries, policies);
        }
    }

    /** One request and the decision the deployed policies must lead to. */
    record Probe(String id, String principal, String action, String resource, Map<String, Object> context,
            boolean allowed, ObjectNode simulation) {

        /**
         * A probe of {@code principal} doing {@code action} on {@code resource}; aws:PrincipalArn is set from the
         * principal (the engine does not fill it in), the account is the resource's, or the principal's.
         */
        static Probe of(String combination, Principal principal, String action, String resource,
                Map<String, Object> context, JsonNode resourcePolicy, JsonNode resourceControlPolicy,
                boolean allowed) {
            ObjectNode simulation = JSON.createObjectNode();
            ObjectNode request = simulation.putObject("request");
            request.put("principal", principal.arn());
            request.put("action", action);
            ObjectNode target = request.putObject("resource");
            target.put("resource", resource);
            target.put("accountId", account(resource, principal.arn()));
            ObjectNode variables = request.putObject("contextVariables");
            if (principal.arn().startsWith("arn:")) {
                variables.put("aws:PrincipalArn", principal.arn());
                variables.put("aws:PrincipalAccount", account(principal.arn(), principal.arn()));
            }
            context.forEach((key, value) -> variables.set(key, JSON.valueToTree(value)));
            ArrayNode identity = simulation.putArray("identityPolicies");
            principal.identityPolicies().forEach(p -> identity.addObject().put("name", "identity-" + identity.size())
                    .set("policy", p));
            if (!principal.boundaries().isEmpty()) {
                ArrayNode boundaries = simulation.putArray("permissionBoundaryPolicies");
                principal.boundaries().forEach(p -> boundaries.addObject().put("name", "boundary").set("policy", p));
            }
            ArrayNode scps = simulation.putArray("serviceControlPolicies");
            if (!principal.serviceControlPolicies().isEmpty()) {
                ObjectNode root = scps.addObject().put("orgIdentifier", "r-abcd");
                ArrayNode policies = root.putArray("policies");
                policies.addObject().put("name", "FullAWSAccess").set("policy", document(
                        "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}"));
                principal.serviceControlPolicies().forEach(p -> policies.addObject()
                        .put("name", "guardrail-" + policies.size()).set("policy", p));
            }
            ArrayNode rcps = simulation.putArray("resourceControlPolicies");
            if (resourceControlPolicy != null) {
                rcps.addObject().put("orgIdentifier", "r-abcd").putArray("policies").addObject()
                        .put("name", "guardrail").set("policy", resourceControlPolicy);
            }
            if (resourcePolicy != null) {
                simulation.set("resourcePolicy", resourcePolicy);
            }
            String id = combination + " | " + principal.name() + " (" + principal.arn() + ") | " + action
                    + " | " + resource
                    + (context.isEmpty() ? "" : " | " + context)
                    + (resourcePolicy == null ? "" : " | under its resource policy")
                    + (resourceControlPolicy == null ? "" : " | under the RCP");
            return new Probe(id, principal.name(), action, resource, context, allowed, simulation);
        }
    }

    /** A policy document of the given statements, written as JSON objects. */
    static JsonNode document(String... statements) {
        try {
            return JSON.readTree("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String account(String arn, String fallback) {
        String[] parts = arn.split(":", 6);
        if (parts.length > 4 && parts[4].matches("[0-9]{12}")) {
            return parts[4];
        }
        String[] other = fallback.split(":", 6);
        return other.length > 4 && other[4].matches("[0-9]{12}") ? other[4] : CloudFormationTemplate.ACCOUNT;
    }
}
