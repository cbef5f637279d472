package dev.iamsteward.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The mutation check of deploy/: each mutant is a copy of deploy/ weakened by one change (a widened resource, a
 * dropped condition, a dropped deny, a service added to the boundary's default, a loosened pod security context
 * or network policy), and the deploy tests, pointed at the copy ({@link DeployDirectory}), must fail on it: the
 * first of them to fail catches the mutant. The test that caught every mutant is written to
 * target/policy-probes/mutants.md.
 */
class DeployMutantsTest {

    static final Path TABLE = PolicyEvaluationTest.TABLE.resolveSibling("mutants.md");
    /**
     * The deploy tests that read the mutated file: for the templates of aws/, the ones that resolve and evaluate them;
     * for kubernetes/, the manifests' test. The linters (DeployLintTest) run on deploy/ itself only: leaving them out
     * of a mutant's run can only let a mutant survive, never hide one, and saves most of the time. A mutant's checks
     * run in this order until one fails: the evaluator's first, so that the table says which weakenings the policy
     * engine itself finds, then the ones that read the templates in Java.
     */
    static final List<Class<?>> AWS_CHECKS = List.of(PolicyEvaluationTest.class, TargetAccountTemplateTest.class,
            PodRoleTemplatesTest.class, SimulatedBrokerTest.class, SimulatedBrokerAgreesWithEvaluatorTest.class);
    static final List<Class<?>> KUBERNETES_CHECKS = List.of(KubernetesManifestsTest.class);

    /** Mutants checked side by side: the evaluator runs in a process of its own, so two keep both cores busy. */
    private static final int THREADS = Integer.getInteger("deploy.mutants.threads", 2);

    private static final String TARGET = "aws/target-account.yaml";
    private static final String POD_IDENTITY = "aws/pod-role-pod-identity.yaml";
    private static final String IRSA = "aws/pod-role-irsa.yaml";
    private static final String ORGANIZATION = "aws/organization-guardrails.yaml";
    private static final String ORGANIZATION_ROOT = "aws/organization-root.yaml";
    private static final String DEPLOYMENT = "kubernetes/deployment.yaml";
    private static final String NETWORK = "kubernetes/networkpolicy.yaml";

    /** One weakening: in {@code file}, the first {@code original} becomes {@code weakened}. */
    record Mutant(String name, String file, String original, String weakened) {
    }

    static final List<Mutant> MUTANTS = List.of(
            // The managed users' boundary
            new Mutant("boundary default grants ssm:*", TARGET, "logs:DescribeLogStreams,",
                    "logs:DescribeLogStreams,ssm:*,"),
            new Mutant("boundary default grants lambda:*", TARGET, "logs:DescribeLogStreams,",
                    "logs:DescribeLogStreams,lambda:*,"),
            new Mutant("boundary default grants ec2:*", TARGET, "s3:GetObject,", "s3:GetObject,ec2:*,"),
            new Mutant("boundary default grants s3:*", TARGET, "s3:GetObject,", "s3:*,"),
            new Mutant("boundary's IAM deny without Tag*/Untag*", TARGET,
                    "              - iam:Tag*\n              - iam:Untag*\n", ""),
            new Mutant("boundary's deny without iam:PassRole", TARGET, "              - iam:PassRole\n", ""),
            new Mutant("boundary's NoActingAsAnotherRole deny dropped", TARGET,
                    "- Sid: NoActingAsAnotherRole\n            Effect: Deny",
                    "- Sid: NoActingAsAnotherRole\n            Effect: Allow"),
            new Mutant("boundary's NoExposingData deny dropped", TARGET,
                    "- Sid: NoExposingData\n            Effect: Deny",
                    "- Sid: NoExposingData\n            Effect: Allow"),
            // The catalog groups' guard
            new Mutant("catalog group guard condition inverted", TARGET, "              ArnNotLike:\n"
                    + "                aws:PrincipalArn:", "              ArnLike:\n                aws:PrincipalArn:"),
            // The broker
            new Mutant("broker trust without the external id", TARGET, "            Condition:\n"
                    + "              StringEquals:\n                sts:ExternalId: { Ref: ExternalId }\n", ""),
            new Mutant("broker user changes widened to all users", TARGET, "                  - iam:UpdateAccessKey\n"
                    + "                Resource:\n                  Fn::Sub: \"arn:${AWS::Partition}:iam::"
                    + "${AWS::AccountId}:user${ManagedPath}*\"", "                  - iam:UpdateAccessKey\n"
                    + "                Resource:\n                  Fn::Sub: \"arn:${AWS::Partition}:iam::"
                    + "${AWS::AccountId}:user/*\""),
            new Mutant("broker NoUserWithoutTheBoundary deny dropped", TARGET,
                    "- Sid: NoUserWithoutTheBoundary\n                Effect: Deny",
                    "- Sid: NoUserWithoutTheBoundary\n                Effect: Allow"),
            new Mutant("broker NeverReadsSecrets deny dropped", TARGET,
                    "- Sid: NeverReadsSecrets\n                Effect: Deny",
                    "- Sid: NeverReadsSecrets\n                Effect: Allow"),
            new Mutant("broker may delete the user's boundary", TARGET,
                    "- Sid: NoBoundaryUserDelete\n                Effect: Deny",
                    "- Sid: NoBoundaryUserDelete\n                Effect: Allow"),
            new Mutant("broker creates users without the boundary condition", TARGET,
                    "                  - iam:DeleteUserPolicy\n                Resource:\n                  Fn::Sub: "
                            + "\"arn:${AWS::Partition}:iam::${AWS::AccountId}:user${ManagedPath}*\"\n"
                            + "                Condition:\n"
                            + "                  StringEquals:\n                    iam:PermissionsBoundary:\n"
                            + "                      Fn::Sub: \"arn:${AWS::Partition}:iam::${AWS::AccountId}:policy"
                            + "${BoundaryPolicyPath}${BoundaryPolicyName}\"\n",
                    "                  - iam:DeleteUserPolicy\n                Resource:\n                  Fn::Sub: "
                            + "\"arn:${AWS::Partition}:iam::${AWS::AccountId}:user${ManagedPath}*\"\n"),
            // The pod role
            new Mutant("pod role may UpdateSecret", POD_IDENTITY, "              - secretsmanager:PutSecretValue\n",
                    "              - secretsmanager:PutSecretValue\n              - secretsmanager:UpdateSecret\n"),
            new Mutant("pod role's never-read deny dropped", POD_IDENTITY,
                    "- Sid: NeverReadEvenWhenAResourcePolicyAllows\n            Effect: Deny",
                    "- Sid: NeverReadEvenWhenAResourcePolicyAllows\n            Effect: Allow"),
            new Mutant("pod role's resource policies may be public", POD_IDENTITY,
                    "secretsmanager:BlockPublicPolicy: \"true\"", "secretsmanager:BlockPublicPolicy: \"false\""),
            new Mutant("pod role assumes any role", POD_IDENTITY, "Resource: { Ref: BrokerRoleArns }",
                    "Resource: \"*\""),
            new Mutant("Pod Identity trust without the namespace", POD_IDENTITY,
                    "                aws:RequestTag/kubernetes-namespace: { Ref: Namespace }\n", ""),
            new Mutant("KMS key parameter accepts wildcards", POD_IDENTITY,
                    "AllowedPattern: \"^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$\"",
                    "AllowedPattern: \"^arn:aws[a-z-]*:kms:.+$\""),
            new Mutant("IRSA trust without the service account", IRSA,
                    "\"${OidcProvider}:sub\": \"system:serviceaccount:${Namespace}:${ServiceAccountName}\"",
                    "\"${OidcProvider}:sub\": \"system:serviceaccount:${Namespace}:*\""),
            // The organization's guardrails
            new Mutant("SCP lets anyone create managed users", ORGANIZATION,
                    "- Sid: OnlyTheBrokerCreatesManagedUsers\n            Effect: Deny",
                    "- Sid: OnlyTheBrokerCreatesManagedUsers\n            Effect: Allow"),
            // The organization root role
            new Mutant("organization role's password task becomes the S3 unlock task", ORGANIZATION_ROOT,
                    "policy/root-task/IAMCreateRootUserPassword", "policy/root-task/S3UnlockBucketPolicy"),
            new Mutant("organization role's NeverTheAccountItself deny dropped", ORGANIZATION_ROOT,
                    "- Sid: NeverTheAccountItself\n                Effect: Deny",
                    "- Sid: NeverTheAccountItself\n                Effect: Allow"),
            // Kubernetes
            new Mutant("pod may run as root", DEPLOYMENT, "runAsNonRoot: true", "runAsNonRoot: false"),
            new Mutant("container may escalate", DEPLOYMENT, "allowPrivilegeEscalation: false",
                    "allowPrivilegeEscalation: true"),
            new Mutant("container root filesystem writable", DEPLOYMENT, "readOnlyRootFilesystem: true",
                    "readOnlyRootFilesystem: false"),
            new Mutant("container seccomp Unconfined", DEPLOYMENT, "            privileged: false\n",
                    "            privileged: false\n            seccompProfile:\n              type: Unconfined\n"),
            new Mutant("pod shares the host's IPC", DEPLOYMENT, "      automountServiceAccountToken: false\n",
                    "      automountServiceAccountToken: false\n      hostIPC: true\n"),
            new Mutant("container keeps its capabilities", DEPLOYMENT, "              drop:\n                - ALL\n",
                    "              drop:\n                - NET_RAW\n"),
            new Mutant("egress reaches the metadata address", NETWORK, "            except:\n"
                    + "              - 169.254.0.0/16\n", ""));

    @Test
    void everyMutantOfDeployIsCaught(@TempDir Path work) throws Exception {
        assertTrue(MUTANTS.size() >= 25, "mutants: " + MUTANTS.size());
        for (List<Class<?>> checks : List.of(AWS_CHECKS, KUBERNETES_CHECKS)) {
            for (Class<?> check : checks) {
                assertEquals(0, failures(check), "the deploy tests pass on deploy/ itself: " + check.getSimpleName());
            }
        }
        ExecutorService side = Executors.newFixedThreadPool(THREADS);
        List<Future<String>> rows = new ArrayList<>();
        try {
            for (Mutant mutant : MUTANTS) {
                Path copy = work.resolve("mutant-" + MUTANTS.indexOf(mutant));
                rows.add(side.submit(() -> check(mutant, copy)));
            }
            StringBuilder table = new StringBuilder("| mutant | file | caught by (failed tests) |\n|---|---|---|\n");
            List<String> survivors = new ArrayList<>();
            for (int i = 0; i < MUTANTS.size(); i++) {
                String caughtBy = rows.get(i).get(10, TimeUnit.MINUTES);
                Mutant mutant = MUTANTS.get(i);
                table.append("| ").append(mutant.name()).append(" | ").append(mutant.file()).append(" | ")
                        .append(caughtBy.isEmpty() ? "**nothing**" : caughtBy).append(" |\n");
                if (caughtBy.isEmpty()) {
                    survivors.add(mutant.name());
                }
            }
            Files.createDirectories(TABLE.getParent());
            Files.writeString(TABLE, table);
            assertEquals(List.of(), survivors, "mutants no deploy test catches");
        } finally {
            side.shutdownNow();
        }
    }

    /**
     * Makes the mutant in {@code copy} and runs its checks one class after the other, the cheap ones first, until
     * one fails: the name of the class that caught it and how many of its tests failed, or "" when none did.
     */
    private static String check(Mutant mutant, Path copy) throws IOException {
        copyTree(Path.of("deploy"), copy);
        Path file = copy.resolve(mutant.file());
        String text = Files.readString(file);
        assertTrue(text.contains(mutant.original()), mutant.name() + ": " + mutant.file() + " no longer has "
                + mutant.original());
        Files.writeString(file, text.replace(mutant.original(), mutant.weakened()));
        return DeployDirectory.use(copy, () -> {
            for (Class<?> check : mutant.file().startsWith("aws/") ? AWS_CHECKS : KUBERNETES_CHECKS) {
                long failed = failures(check);
                if (failed > 0) {
                    return check.getSimpleName() + " (" + failed + ")";
                }
            }
            return "";
        });
    }

    /**
     * A launcher without the listeners the classpath registers (Quarkus's keeps state of one session at a time): the
     * deploy tests are plain JUnit tests.
     */
    private static final LauncherConfig PLAIN_LAUNCHER = LauncherConfig.builder()
            .enableLauncherSessionListenerAutoRegistration(false)
            .enableLauncherDiscoveryListenerAutoRegistration(false)
            .enableTestExecutionListenerAutoRegistration(false)
            .enablePostDiscoveryFilterAutoRegistration(false).build();

    /** How many tests of {@code check} fail against this thread's deploy directory. */
    private static long failures(Class<?> check) {
        LauncherDiscoveryRequest discovery = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(check))
                .build();
        Launcher launcher = LauncherFactory.create(PLAIN_LAUNCHER);
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(discovery, summary);
        assertTrue(summary.getSummary().getTestsStartedCount() >= 1,
                check.getSimpleName() + " ran no test");
        return summary.getSummary().getTotalFailureCount();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
