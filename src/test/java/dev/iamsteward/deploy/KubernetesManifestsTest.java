package dev.iamsteward.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Kubernetes manifests parse, run the service locked down, and agree with each other and with deploy/aws. */
class KubernetesManifestsTest {

    static final Path DIR = Path.of("deploy/kubernetes");
    static final YAMLMapper YAML = new YAMLMapper();

    static JsonNode read(String file) throws IOException {
        return YAML.readTree(DeployDirectory.resolve(DIR.resolve(file)).toFile());
    }

    static Map<String, JsonNode> byKind() throws IOException {
        Map<String, JsonNode> manifests = new HashMap<>();
        for (JsonNode file : read("kustomization.yaml").path("resources")) {
            JsonNode manifest = read(file.asText());
            manifests.put(manifest.path("kind").asText(), manifest);
        }
        return manifests;
    }

    static JsonNode podSpec() throws IOException {
        return byKind().get("Deployment").path("spec").path("template").path("spec");
    }

    @Test
    void theKustomizationListsEveryManifestOfOneKindEach() throws IOException {
        Set<String> listed = new TreeSet<>();
        read("kustomization.yaml").path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> files = new TreeSet<>();
        try (Stream<Path> all = Files.list(DeployDirectory.resolve(DIR))) {
            all.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .filter(f -> !f.equals("kustomization.yaml")).forEach(files::add);
        }
        assertEquals(files, listed);
        assertEquals(Set.of("Namespace", "ServiceAccount", "ConfigMap", "Deployment", "Service", "NetworkPolicy",
                "PodDisruptionBudget", "ServiceMonitor"), byKind().keySet());
    }

    @Test
    void thePodRunsAsNonRootWithNothingToEscalate() throws IOException {
        JsonNode pod = podSpec();
        JsonNode podSecurity = pod.path("securityContext");
        assertTrue(podSecurity.path("runAsNonRoot").asBoolean());
        assertTrue(podSecurity.path("runAsUser").asInt() > 0);
        assertEquals("RuntimeDefault", podSecurity.path("seccompProfile").path("type").asText());
        assertFalse(pod.path("automountServiceAccountToken").asBoolean(true));
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC", "hostUsers", "shareProcessNamespace")) {
            assertEquals(host.equals("hostUsers"), pod.path(host).asBoolean(host.equals("hostUsers")), host);
        }
        assertTrue(pod.path("securityContext").path("sysctls").isMissingNode());
        pod.path("volumes").forEach(v -> assertTrue(v.path("hostPath").isMissingNode(), v.toString()));

        assertEquals(1, pod.path("containers").size());
        JsonNode security = pod.path("containers").get(0).path("securityContext");
        assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true));
        assertTrue(security.path("readOnlyRootFilesystem").asBoolean());
        assertFalse(security.path("privileged").asBoolean(true));
        assertEquals(List.of("ALL"), YAML.convertValue(security.path("capabilities").path("drop"), List.class));
        assertTrue(security.path("capabilities").path("add").isMissingNode());
        for (String loosening : List.of("seccompProfile", "runAsUser", "runAsNonRoot", "runAsGroup", "procMount",
                "appArmorProfile", "seLinuxOptions", "windowsOptions")) {
            assertTrue(security.path(loosening).isMissingNode(), "the container overrides the pod's " + loosening);
        }
        assertTrue(pod.path("containers").get(0).path("ports").findValues("hostPort").isEmpty());
    }

    @Test
    void onlyTmpIsWritableAndTheConfigIsMountedWhereQuarkusReadsIt() throws IOException {
        JsonNode pod = podSpec();
        Map<String, JsonNode> volumes = new HashMap<>();
        pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
        for (JsonNode mount : pod.path("containers").get(0).path("volumeMounts")) {
            JsonNode volume = volumes.get(mount.path("name").asText());
            if (mount.path("mountPath").asText().equals("/tmp")) {
                assertTrue(volume.has("emptyDir"));
            } else {
                assertTrue(mount.path("readOnly").asBoolean(), mount.toString());
            }
        }
        JsonNode config = volumes.get("config");
        assertEquals("iam-steward-config", config.path("configMap").path("name").asText());
        assertTrue(pod.path("containers").get(0).path("volumeMounts").findValuesAsText("mountPath")
                .containsAll(List.of("/tmp", "/deployments/config", "/deployments/secrets")));
    }

    @Test
    void probesAskQuarkusHealthOnTheManagementPort() throws IOException {
        JsonNode container = podSpec().path("containers").get(0);
        assertEquals("http", container.path("ports").get(0).path("name").asText());
        assertEquals(8080, container.path("ports").get(0).path("containerPort").asInt());
        assertEquals("management", container.path("ports").get(1).path("name").asText());
        assertEquals(9000, container.path("ports").get(1).path("containerPort").asInt());
        Map<String, String> expected = Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready");
        expected.forEach((probe, path) -> {
            assertEquals(path, container.path(probe).path("httpGet").path("path").asText(), probe);
            assertEquals("management", container.path(probe).path("httpGet").path("port").asText(), probe);
        });
    }

    @Test
    void resourcesAreRequestedAndMemoryIsLimited() throws IOException {
        JsonNode resources = podSpec().path("containers").get(0).path("resources");
        assertFalse(resources.path("requests").path("cpu").asText().isEmpty());
        assertEquals(512, mebibytes(resources.path("requests").path("memory").asText()));
        assertEquals(768, mebibytes(resources.path("limits").path("memory").asText()));
    }

    @Test
    void twoReplicasOneAlwaysUpAndEverySelectorFindsThePods() throws IOException {
        Map<String, JsonNode> manifests = byKind();
        JsonNode deployment = manifests.get("Deployment");
        assertTrue(deployment.path("spec").path("replicas").asInt() >= 2);
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        assertEquals(podLabels, deployment.path("spec").path("selector").path("matchLabels"));

        JsonNode budget = manifests.get("PodDisruptionBudget").path("spec");
        assertTrue(budget.path("minAvailable").asInt() >= 1
                && budget.path("minAvailable").asInt() < deployment.path("spec").path("replicas").asInt());
        assertEquals(podLabels, budget.path("selector").path("matchLabels"));

        JsonNode service = manifests.get("Service");
        assertEquals(podLabels, service.path("spec").path("selector"));
        assertEquals("http", service.path("spec").path("ports").get(0).path("targetPort").asText());

        JsonNode monitor = manifests.get("ServiceMonitor").path("spec");
        assertEquals(service.path("metadata").path("labels"), monitor.path("selector").path("matchLabels"));
        assertEquals("management", monitor.path("endpoints").get(0).path("port").asText());
        assertEquals("/q/metrics", monitor.path("endpoints").get(0).path("path").asText());
    }

    @Test
    void theServiceAccountIsTheOneThePodRoleTrusts() throws IOException {
        Map<String, JsonNode> manifests = byKind();
        JsonNode account = manifests.get("ServiceAccount");
        JsonNode irsa = PodRoleTemplatesTest.load(PodRoleTemplatesTest.IRSA, false).raw().path("Parameters");
        assertEquals(irsa.path("ServiceAccountName").path("Default").asText(),
                account.path("metadata").path("name").asText());
        assertEquals(irsa.path("Namespace").path("Default").asText(),
                read("kustomization.yaml").path("namespace").asText());
        assertEquals(account.path("metadata").path("name").asText(), podSpec().path("serviceAccountName").asText());
        assertTrue(account.path("metadata").path("annotations").path("eks.amazonaws.com/role-arn").asText()
                .endsWith(":role/" + irsa.path("RoleName").path("Default").asText()));
        assertFalse(account.path("automountServiceAccountToken").asBoolean(true));
    }

    @Test
    void theConfigNamesTheAwsBackendAndEverythingProductionRequires() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(
                byKind().get("ConfigMap").path("data").path("application.properties").asText()));
        for (String key : List.of("steward.iam.backend", "steward.iam.managed-path",
                "steward.iam.permissions-boundary-arn", "steward.aws.role-arn", "steward.aws.external-id",
                "steward.credentials.kms.key-id", "steward.security.token-audience", "quarkus.oidc.auth-server-url",
                "quarkus.datasource.jdbc.url", "quarkus.datasource.username")) {
            assertFalse(properties.getProperty(key, "").isBlank(), key);
        }
        assertEquals("aws", properties.getProperty("steward.iam.backend"));
        JsonNode target = TargetAccountTemplateTest.withCatalog().raw();
        assertEquals(target.path("Parameters").path("ManagedPath").path("Default").asText(),
                properties.getProperty("steward.iam.managed-path"));
        assertTrue(properties.getProperty("steward.aws.role-arn")
                .endsWith(":role/" + target.path("Parameters").path("BrokerRoleName").path("Default").asText()));
        assertTrue(properties.getProperty("steward.iam.permissions-boundary-arn").endsWith(":policy"
                + target.path("Parameters").path("BoundaryPolicyPath").path("Default").asText()
                + target.path("Parameters").path("BoundaryPolicyName").path("Default").asText()));
    }

    @Test
    void noSecretIsAppliedAndTheDeploymentReadsItsSecretsAsFiles() throws IOException {
        assertFalse(byKind().containsKey("Secret"));
        JsonNode pod = podSpec();
        JsonNode container = pod.path("containers").get(0);
        assertTrue(container.path("envFrom").isMissingNode());
        container.path("env").forEach(e -> assertTrue(e.path("valueFrom").isMissingNode(), e.toString()));
        JsonNode secrets = null;
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.has("secret")) {
                secrets = volume.path("secret");
            }
        }
        assertEquals("iam-steward-secrets", secrets.path("secretName").asText());
        assertFalse(secrets.path("optional").asBoolean(false));
        assertEquals(0440, secrets.path("defaultMode").asInt());
        assertEquals(pod.path("securityContext").path("runAsGroup").asInt(),
                pod.path("securityContext").path("fsGroup").asInt());
        String file = "/deployments/secrets/" + secrets.path("items").get(0).path("path").asText();
        assertTrue(container.path("env").findValuesAsText("value").contains(file),
                "QUARKUS_CONFIG_LOCATIONS names " + file);
    }

    @Test
    void theNetworkPolicyAdmitsCallersAndMonitoringOnlyAndNeverReachesInstanceMetadata() throws IOException {
        JsonNode policy = byKind().get("NetworkPolicy").path("spec");
        assertEquals(podSpecLabels(), policy.path("podSelector").path("matchLabels"));
        assertEquals(List.of("Ingress", "Egress"), YAML.convertValue(policy.path("policyTypes"), List.class));
        Map<String, JsonNode> ingressByPort = new HashMap<>();
        for (JsonNode rule : policy.path("ingress")) {
            assertEquals(1, rule.path("ports").size(), rule.toString());
            assertEquals(1, rule.path("from").size(), rule.toString());
            assertTrue(rule.path("from").get(0).path("ipBlock").isMissingNode(), rule.toString());
            ingressByPort.put(rule.path("ports").get(0).path("port").asText(), rule.path("from").get(0));
        }
        assertEquals(Set.of("http", "management"), ingressByPort.keySet());
        assertEquals("true", ingressByPort.get("http").path("namespaceSelector").path("matchLabels")
                .path("iam-steward.dev/caller").asText());
        assertEquals("monitoring", ingressByPort.get("management").path("namespaceSelector").path("matchLabels")
                .path("kubernetes.io/metadata.name").asText());

        Set<Integer> ports = new TreeSet<>();
        for (JsonNode rule : policy.path("egress")) {
            assertFalse(rule.path("ports").isEmpty(), "an egress rule without ports: " + rule);
            rule.path("ports").forEach(p -> ports.add(p.path("port").asInt()));
            for (JsonNode to : rule.path("to")) {
                JsonNode block = to.path("ipBlock");
                if (block.isMissingNode()) {
                    continue;
                }
                String cidr = block.path("cidr").asText();
                if (cidr.startsWith("169.254.")) {
                    assertEquals("169.254.170.23/32", cidr, "only the Pod Identity agent on the link-local range");
                    assertEquals(80, rule.path("ports").get(0).path("port").asInt());
                    assertEquals(1, rule.path("ports").size());
                } else {
                    assertEquals("0.0.0.0/0", cidr);
                    assertEquals(List.of("169.254.0.0/16"), YAML.convertValue(block.path("except"), List.class));
                }
            }
        }
        assertEquals(Set.of(53, 80, 443, 4317, 5432), ports);
    }

    private static JsonNode podSpecLabels() throws IOException {
        return byKind().get("Deployment").path("spec").path("template").path("metadata").path("labels");
    }

    private static int mebibytes(String quantity) {
        assertTrue(quantity.endsWith("Mi"), quantity);
        return Integer.parseInt(quantity.substring(0, quantity.length() - 2));
    }
}
