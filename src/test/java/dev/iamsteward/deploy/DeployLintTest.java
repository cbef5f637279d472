package dev.iamsteward.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/ as tools nobody on this project wrote read it: cfn-lint (AWS's CloudFormation linter) finds nothing in
 * the templates of deploy/aws, and the output of {@code kustomize build deploy/kubernetes} validates against the
 * Kubernetes API schemas with kubernetes-validate, strictly (no unknown fields). Both are pinned and installed
 * under target/ by the build (src/test/deploy-tools), never shipped. Each check is also shown to fail on a
 * broken copy, so a pass means something.
 */
class DeployLintTest {

    static final Path CFN_LINT = Path.of(System.getProperty("cfn-lint", "target/moto-venv/bin/cfn-lint"));
    static final Path TOOLS = Path.of(System.getProperty("deploy.venv", "target/deploy-venv"));
    static final String KUBERNETES = "1.37.0";
    /** Kinds of other projects' APIs (the Prometheus operator's), for which kubernetes-validate has no schema. */
    static final Set<String> CUSTOM_KINDS = Set.of("ServiceMonitor");

    @Test
    void cfnLintFindsNothingInTheTemplates() throws IOException {
        List<Path> templates = templates(DeployDirectory.resolve(Path.of("deploy/aws")));
        assertTrue(templates.size() >= 4, "templates: " + templates);
        Run lint = cfnLint(templates);
        assertEquals(0, lint.exit(), lint.output());
    }

    @Test
    void cfnLintCatchesABrokenTemplate(@TempDir Path dir) throws IOException {
        Path template = DeployDirectory.resolve(Path.of("deploy/aws/target-account.yaml"));
        String text = Files.readString(template);
        assertTrue(text.contains("Type: AWS::IAM::ManagedPolicy"), "the template has a managed policy");
        Path broken = dir.resolve("target-account.yaml");
        Files.writeString(broken, text.replaceFirst("Type: AWS::IAM::ManagedPolicy", "Type: AWS::IAM::ManagedPolcy"));
        Run lint = cfnLint(List.of(broken));
        assertNotEquals(0, lint.exit(), lint.output());
        assertTrue(lint.output().contains("ManagedPolcy"), lint.output());
    }

    @Test
    void theKustomizeOutputValidatesAgainstTheKubernetesSchemas(@TempDir Path dir) throws IOException {
        Path rendered = kustomize(DeployDirectory.resolve(KubernetesManifestsTest.DIR), dir);
        Run validate = validate(rendered);
        assertEquals(0, validate.exit(), validate.output());
        List<String> passed = new ArrayList<>();
        Matcher line = Pattern.compile("passed for resource (\\S+)").matcher(validate.output());
        while (line.find()) {
            passed.add(line.group(1));
        }
        int resources = documents(Files.readString(rendered));
        assertEquals(resources - CUSTOM_KINDS.size(), passed.size(), validate.output());
        assertTrue(passed.contains("deployment/iam-steward") && passed.contains("networkpolicy/iam-steward"),
                validate.output());
    }

    @Test
    void theSchemaCheckCatchesAnUnknownField(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("kubernetes");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(DeployDirectory.resolve(KubernetesManifestsTest.DIR))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Path deployment = copy.resolve("deployment.yaml");
        String text = Files.readString(deployment);
        assertTrue(text.contains("\n  replicas: "), "the deployment sets its replicas");
        Files.writeString(deployment, text.replace("\n  replicas: ", "\n  replica: "));
        Run validate = validate(kustomize(copy, dir));
        assertNotEquals(0, validate.exit(), validate.output());
    }

    private static Run cfnLint(List<Path> templates) {
        assertTrue(Files.isExecutable(CFN_LINT), "cfn-lint is installed by the build in " + CFN_LINT);
        List<String> command = new ArrayList<>(List.of(CFN_LINT.toString(), "--format", "parseable", "--"));
        templates.forEach(t -> command.add(t.toString()));
        return run(command);
    }

    private static Path kustomize(Path directory, Path into) throws IOException {
        Path kustomize = TOOLS.resolve("bin/kustomize");
        assertTrue(Files.isExecutable(kustomize), "kustomize is installed by the build in " + kustomize);
        Run build = run(List.of(kustomize.toString(), "build", directory.toString()));
        assertEquals(0, build.exit(), build.output());
        Path rendered = Files.createTempFile(into, "kustomized-", ".yaml");
        Files.writeString(rendered, build.output());
        return rendered;
    }

    private static Run validate(Path rendered) {
        Path validator = TOOLS.resolve("bin/kubernetes-validate");
        assertTrue(Files.isExecutable(validator), "kubernetes-validate is installed by the build in " + validator);
        return run(List.of(validator.toString(), "--strict", "-k", KUBERNETES, rendered.toString()));
    }

    private static int documents(String yaml) {
        int kinds = 0;
        for (String line : yaml.split("\n")) {
            kinds += line.startsWith("kind: ") ? 1 : 0;
        }
        return kinds;
    }

    private static List<Path> templates(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
