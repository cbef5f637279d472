package dev.iamsteward.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamsteward.deploy.IamSimulate.Principal;
import dev.iamsteward.deploy.IamSimulate.Probe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The probe table: for every parameter combination the templates of deploy/aws allow, who may and may not do
 * what, as the resolved policies must decide it. Each class of over-reach the templates close has probes here,
 * and so has each thing the service needs (so a template that denies everything fails too).
 */
final class PolicyProbes {

    static final String ACCOUNT = CloudFormationTemplate.ACCOUNT;
    static final String IAM = "arn:aws:iam::" + ACCOUNT + ":";
    static final String BOUNDARY = TargetAccountTemplateTest.BOUNDARY;
    static final String ALICE = IAM + "user/iam-steward/alice";
    static final String BROKER = TargetAccountTemplateTest.BROKER_ROLE;
    static final String POD_ROLE = IAM + "role/iam-steward-pod";
    static final String REGION = CloudFormationTemplate.REGION;
    static final String SECRET = "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:iam-steward/alice/"
            + "access-key-AbCdEf";
    static final String BUCKET = "arn:aws:s3:::data-lake";
    static final Map<String, Object> NONE = Map.of();
    /** The default key policy: IAM policies of the account decide (AWS KMS Developer Guide, default key policy). */
    static final JsonNode KEY_POLICY = IamSimulate.document("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}");
    static final Path ORGANIZATION = Path.of("deploy/aws/organization-guardrails.yaml");

    private final List<Probe> probes = new ArrayList<>();
    private String combination;

    List<Probe> all() {
        for (boolean policies : List.of(false, true)) {
            for (boolean groups : List.of(false, true)) {
                for (boolean everyService : List.of(false, true)) {
                    targetAccount(policies, groups, everyService);
                }
            }
        }
        for (Path template : List.of(PodRoleTemplatesTest.POD_IDENTITY, PodRoleTemplatesTest.IRSA)) {
            podRole(template, false, false);
            podRole(template, true, false);
            podRole(template, true, true);
        }
        organization(false);
        organization(true);
        organizationRoot();
        return probes;
    }

    // ---- target-account.yaml: the broker, its trust, the boundary, the catalog groups' guard

    private void targetAccount(boolean policies, boolean groups, boolean everyService) {
        Map<String, String> parameters = new HashMap<>(Map.of("ServiceRoleArn", TargetAccountTemplateTest.SERVICE_ROLE,
                "ExternalId", TargetAccountTemplateTest.EXTERNAL_ID));
        if (policies) {
            parameters.put("CatalogPolicyArns", String.join(",", TargetAccountTemplateTest.CATALOG_POLICIES));
        }
        if (groups) {
            parameters.put("CatalogGroupArns", String.join(",", TargetAccountTemplateTest.CATALOG_GROUPS));
            parameters.put("CatalogGroupNames", String.join(",", TargetAccountTemplateTest.CATALOG_GROUP_NAMES));
        }
        if (everyService) {
            parameters.put("BoundaryAllowedActions", "*");
        }
        combination = "target-account policies=" + policies + " groups=" + groups + " boundary="
                + (everyService ? "*" : "default");
        CloudFormationTemplate template = CloudFormationTemplate.load(TargetAccountTemplateTest.TEMPLATE, parameters);
        broker(broker(template), policies, groups);
        brokerTrust(template.resource("BrokerRole").path("AssumeRolePolicyDocument"));
        JsonNode guard = template.resources("AWS::IAM::ManagedPolicy").containsKey("CatalogGroupGuard")
                ? template.resource("CatalogGroupGuard").path("PolicyDocument") : null;
        managedUser(template.resource("ManagedUserBoundary").path("PolicyDocument"), guard, everyService);
        if (groups) {
            outsiders(guard, template.resource("ManagedUserBoundary").path("PolicyDocument"));
        }
    }

    static Principal broker(CloudFormationTemplate template) {
        List<JsonNode> policies = new ArrayList<>();
        template.resource("BrokerRole").path("Policies").forEach(p -> policies.add(p.path("PolicyDocument")));
        return new Principal("broker", BROKER, policies, List.of());
    }

    private void broker(Principal broker, boolean policies, boolean groups) {
        String catalogPolicy = TargetAccountTemplateTest.CATALOG_POLICIES.get(0);
        Map<String, Object> withBoundary = Map.of("iam:PermissionsBoundary", BOUNDARY);
        String otherBoundary = IAM + "policy/iam-steward/wider-boundary";
        // What the service needs
        add(broker, "iam:CreateUser", ALICE, withBoundary, true);
        add(broker, "iam:PutUserPermissionsBoundary", ALICE, withBoundary, true);
        add(broker, "iam:AttachUserPolicy", ALICE, Map.of("iam:PermissionsBoundary", BOUNDARY,
                "iam:PolicyARN", catalogPolicy), policies);
        add(broker, "iam:AttachUserPolicy", ALICE, Map.of("iam:PermissionsBoundary", BOUNDARY,
                "iam:PolicyARN", "arn:aws:iam::aws:policy/AWSDenyAll"), true);
        add(broker, "iam:CreateAccessKey", ALICE, NONE, true);
        add(broker, "iam:CreateLoginProfile", ALICE, NONE, true);
        add(broker, "iam:DeleteUser", ALICE, NONE, true);
        add(broker, "iam:CreateVirtualMFADevice", IAM + "mfa/iam-steward/alice", NONE, true);
        add(broker, "iam:AddUserToGroup", IAM + "group/data-readers", NONE, groups);
        add(broker, "iam:ListUsers", "*", NONE, true);
        add(broker, "iam:SimulatePrincipalPolicy", BROKER, NONE, true);
        // Users without the boundary, or outside the managed path
        add(broker, "iam:CreateUser", ALICE, NONE, false);
        add(broker, "iam:CreateUser", ALICE, Map.of("iam:PermissionsBoundary", otherBoundary), false);
        add(broker, "iam:CreateUser", IAM + "user/admin", withBoundary, false);
        add(broker, "iam:PutUserPermissionsBoundary", ALICE, Map.of("iam:PermissionsBoundary", otherBoundary), false);
        add(broker, "iam:DeleteUserPermissionsBoundary", ALICE, NONE, false);
        add(broker, "iam:AttachUserPolicy", ALICE, Map.of("iam:PolicyARN", catalogPolicy), false);
        add(broker, "iam:CreateAccessKey", IAM + "user/admin", NONE, false);
        add(broker, "iam:CreateLoginProfile", IAM + "user/ci/deployer", NONE, false);
        add(broker, "iam:UpdateAccessKey", IAM + "user/iam-steward-other/bob", NONE, false);
        add(broker, "iam:DeleteUserPolicy", ALICE, Map.of("iam:PermissionsBoundary", otherBoundary), false);
        // The boundary policy itself
        add(broker, "iam:CreatePolicyVersion", BOUNDARY, NONE, false);
        add(broker, "iam:SetDefaultPolicyVersion", BOUNDARY, NONE, false);
        add(broker, "iam:DeletePolicy", BOUNDARY, NONE, false);
        // Only the catalog's policies and groups
        add(broker, "iam:AttachUserPolicy", ALICE, Map.of("iam:PermissionsBoundary", BOUNDARY,
                "iam:PolicyARN", "arn:aws:iam::aws:policy/AdministratorAccess"), false);
        add(broker, "iam:AttachUserPolicy", ALICE, Map.of("iam:PermissionsBoundary", BOUNDARY,
                "iam:PolicyARN", IAM + "policy/data-read-all"), false);
        add(broker, "iam:PutUserPolicy", ALICE, withBoundary, false);
        add(broker, "iam:AddUserToGroup", IAM + "group/admins", NONE, false);
        add(broker, "iam:AddUserToGroup", IAM + "group/data-readers-admin", NONE, false);
        add(broker, "iam:RemoveUserFromGroup", IAM + "group/security-auditors", NONE, false);
        // Nothing else of IAM, STS or the delivered secrets
        add(broker, "iam:CreateRole", IAM + "role/escalate", NONE, false);
        add(broker, "iam:UpdateAssumeRolePolicy", BROKER, NONE, false);
        add(broker, "iam:PassRole", IAM + "role/admin", NONE, false);
        add(broker, "iam:SimulatePrincipalPolicy", IAM + "role/admin", NONE, false);
        add(broker, "sts:AssumeRole", IAM + "role/admin", NONE, false);
        add(broker, "secretsmanager:GetSecretValue", SECRET, NONE, naming(BROKER), null, false);
    }

    private void brokerTrust(JsonNode trust) {
        Principal pod = new Principal("pod role (other account)", TargetAccountTemplateTest.SERVICE_ROLE,
                List.of(IamSimulate.document("{\"Effect\":\"Allow\",\"Action\":\"sts:*\",\"Resource\":\"*\"}")),
                List.of());
        Principal other = new Principal("another role of that account", "arn:aws:iam::999988887777:role/ci",
                pod.identityPolicies(), List.of());
        Map<String, Object> externalId = Map.of("sts:ExternalId", TargetAccountTemplateTest.EXTERNAL_ID);
        add(pod, "sts:AssumeRole", BROKER, externalId, trust, null, true);
        add(pod, "sts:AssumeRole", BROKER, NONE, trust, null, false);
        add(pod, "sts:AssumeRole", BROKER, Map.of("sts:ExternalId", "guessed-external-id-0000"), trust, null, false);
        add(other, "sts:AssumeRole", BROKER, externalId, trust, null, false);
        add(pod, "sts:SetSourceIdentity", BROKER, NONE, trust, null, true);
        add(pod, "sts:TagSession", BROKER, Map.of("aws:TagKeys", List.of("steward-request-id", "steward-requester",
                "kubernetes-namespace")), trust, null, true);
        add(pod, "sts:TagSession", BROKER, Map.of("aws:TagKeys", List.of("steward-request-id"),
                "sts:TransitiveTagKeys", List.of("steward-request-id")), trust, null, false);
        add(pod, "sts:TagSession", BROKER, Map.of("aws:TagKeys", List.of("steward-request-id", "admin")), trust,
                null, false);
    }

    /** A managed user whose groups and policies grant everything: only the boundary (and the guard) hold it. */
    private void managedUser(JsonNode boundary, JsonNode guard, boolean everyService) {
        List<JsonNode> identity = new ArrayList<>(List.of(
                IamSimulate.document("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}")));
        if (guard != null) {
            identity.add(guard);
        }
        Principal alice = new Principal("managed user under the boundary", ALICE, identity, List.of(boundary));
        Map<String, Object> self = Map.of("aws:username", "alice");
        String instance = "arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":instance/i-0123456789abcdef0";
        String ec2 = "arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":";
        // What the catalog may grant, and the password change at first sign-in
        add(alice, "s3:GetObject", BUCKET + "/reports/2026.csv", self, true);
        add(alice, "dynamodb:GetItem", "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/orders", self, true);
        add(alice, "iam:ChangePassword", ALICE, self, true);
        // Acting as another role without PassRole
        add(alice, "ec2:ModifyInstanceAttribute", instance, self, false);
        add(alice, "ec2:CreateLaunchTemplateVersion", ec2 + "launch-template/lt-0123456789abcdef0", self, false);
        add(alice, "ec2:ModifyLaunchTemplate", ec2 + "launch-template/lt-0123456789abcdef0", self, false);
        add(alice, "ec2:AssociateIamInstanceProfile", instance, self, false);
        add(alice, "ssm:SendCommand", instance, self, false);
        add(alice, "lambda:UpdateFunctionCode", "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:etl", self,
                false);
        add(alice, "iam:PassRole", IAM + "role/admin", self, false);
        add(alice, "sts:AssumeRole", IAM + "role/admin", self, false);
        // Exposing data
        add(alice, "s3:PutBucketPolicy", BUCKET, self, false);
        add(alice, "s3:PutBucketAcl", BUCKET, self, false);
        add(alice, "s3:PutAccountPublicAccessBlock", "*", self, false);
        add(alice, "ec2:ModifySnapshotAttribute", "arn:aws:ec2:" + REGION + "::snapshot/snap-0123456789abcdef0",
                self, false);
        add(alice, "logs:PutSubscriptionFilter", "arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:app", self,
                false);
        add(alice, "dynamodb:PutResourcePolicy", "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/orders",
                self, false);
        add(alice, "kms:PutKeyPolicy", "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/0000", self, false);
        add(alice, "secretsmanager:PutResourcePolicy", SECRET, self, false);
        // IAM: keys, tags, the boundary
        add(alice, "iam:CreateAccessKey", ALICE, self, false);
        add(alice, "iam:TagUser", ALICE, self, false);
        add(alice, "iam:UntagUser", ALICE, self, false);
        add(alice, "iam:DeleteUserPermissionsBoundary", ALICE, self, false);
        add(alice, "iam:CreatePolicyVersion", BOUNDARY, self, false);
        add(alice, "iam:CreateUser", IAM + "user/iam-steward/mallory", self, false);
        // The default cap reaches no compute and no other service; "*" lifts only that
        add(alice, "ec2:RunInstances", instance, self, everyService);
        add(alice, "ssm:GetParameter", "arn:aws:ssm:" + REGION + ":" + ACCOUNT + ":parameter/db-password", self,
                everyService);
        add(alice, "lambda:InvokeFunction", "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:etl", self,
                everyService);
        add(alice, "s3:PutBucketVersioning", BUCKET, self, everyService);
    }

    /** Users outside the managed path that the broker put into a catalog group: the guard gives them nothing. */
    private void outsiders(JsonNode guard, JsonNode boundary) {
        JsonNode groupPolicy = IamSimulate.document(
                "{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"dynamodb:*\"],\"Resource\":\"*\"}");
        for (String user : List.of("user/admin", "user/ci/deployer")) {
            Principal outsider = new Principal("user outside the path in a catalog group", IAM + user,
                    List.of(groupPolicy, guard), List.of());
            add(outsider, "s3:GetObject", BUCKET + "/reports/2026.csv", NONE, false);
            add(outsider, "dynamodb:GetItem", "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/orders", NONE,
                    false);
        }
        Principal member = new Principal("managed user in a catalog group", ALICE, List.of(groupPolicy, guard),
                List.of(boundary));
        add(member, "s3:GetObject", BUCKET + "/reports/2026.csv", NONE, true);
    }

    // ---- pod-role-*.yaml

    private void podRole(Path path, boolean secretsManager, boolean secretsKey) {
        Map<String, String> parameters = new HashMap<>(Map.of("BrokerRoleArns",
                String.join(",", PodRoleTemplatesTest.BROKERS), "KmsKeyArn", PodRoleTemplatesTest.KEY,
                "ClusterName", "prod", "OidcProvider", PodRoleTemplatesTest.PROVIDER));
        if (secretsManager) {
            parameters.put("SecretsManagerEnabled", "true");
        }
        if (secretsKey) {
            parameters.put("SecretsKmsKeyArn", PodRoleTemplatesTest.SECRETS_KEY);
        }
        combination = path.getFileName() + " secrets-manager=" + secretsManager + " own-key=" + secretsKey;
        CloudFormationTemplate template = CloudFormationTemplate.load(path, parameters);
        List<JsonNode> policies = new ArrayList<>();
        template.resources("AWS::IAM::RolePolicy").values().forEach(p -> policies.add(p.path("PolicyDocument")));
        Principal pod = new Principal("pod role", POD_ROLE, policies, List.of());
        String key = PodRoleTemplatesTest.KEY;
        Map<String, Object> delivery = Map.of("kms:EncryptionContextKeys", List.of("iam-steward:delivery"));
        JsonNode brokerTrust = CloudFormationTemplate.load(TargetAccountTemplateTest.TEMPLATE, Map.of(
                "ServiceRoleArn", POD_ROLE, "ExternalId", TargetAccountTemplateTest.EXTERNAL_ID))
                .resource("BrokerRole").path("AssumeRolePolicyDocument");
        Map<String, Object> externalId = Map.of("sts:ExternalId", TargetAccountTemplateTest.EXTERNAL_ID);
        for (String broker : PodRoleTemplatesTest.BROKERS) {
            add(pod, "sts:AssumeRole", broker, externalId, brokerTrust, null, true);
            add(pod, "sts:TagSession", broker, Map.of("aws:TagKeys", List.of("steward-request-id")), brokerTrust,
                    null, true);
        }
        JsonNode trustsAnyone = IamSimulate.document("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}");
        add(pod, "sts:AssumeRole", IAM + "role/admin", NONE, trustsAnyone, null, false);
        add(pod, "kms:Encrypt", key, delivery, KEY_POLICY, null, true);
        add(pod, "kms:Decrypt", key, delivery, KEY_POLICY, null, true);
        add(pod, "kms:Decrypt", key, NONE, KEY_POLICY, null, false);
        add(pod, "kms:Decrypt", key, Map.of("kms:EncryptionContextKeys", List.of("iam-steward:delivery", "other")),
                KEY_POLICY, null, false);
        add(pod, "kms:Decrypt", key, Map.of("kms:EncryptionContextKeys", List.of("other")), KEY_POLICY, null, false);
        add(pod, "kms:Decrypt", "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/another", delivery,
                KEY_POLICY, null, false);
        add(pod, "secretsmanager:CreateSecret", SECRET, Map.of("aws:RequestTag/iam-steward:user", "alice",
                "aws:TagKeys", List.of("iam-steward:user")), secretsManager);
        add(pod, "secretsmanager:PutSecretValue", SECRET, NONE, secretsManager);
        add(pod, "secretsmanager:PutResourcePolicy", SECRET, Map.of("secretsmanager:BlockPublicPolicy", "true"),
                secretsManager);
        add(pod, "secretsmanager:PutResourcePolicy", SECRET, Map.of("secretsmanager:BlockPublicPolicy", "false"),
                false);
        add(pod, "secretsmanager:CreateSecret", "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT
                + ":secret:other/x-AbCdEf", Map.of("aws:RequestTag/iam-steward:user", "alice",
                "aws:TagKeys", List.of("iam-steward:user")), false);
        add(pod, "secretsmanager:GetSecretValue", SECRET, NONE, false);
        add(pod, "secretsmanager:GetSecretValue", SECRET, NONE, naming(POD_ROLE), null, false);
        add(pod, "secretsmanager:UpdateSecret", SECRET, NONE, false);
        add(pod, "secretsmanager:DeleteSecret", SECRET, NONE, false);
        add(pod, "kms:Decrypt", PodRoleTemplatesTest.SECRETS_KEY, Map.of("kms:ViaService",
                "secretsmanager." + REGION + ".amazonaws.com"), KEY_POLICY, null, secretsKey);
        add(pod, "kms:Decrypt", PodRoleTemplatesTest.SECRETS_KEY, NONE, KEY_POLICY, null, false);
        add(pod, "iam:CreateUser", ALICE, Map.of("iam:PermissionsBoundary", BOUNDARY), false);
        if (path.equals(PodRoleTemplatesTest.POD_IDENTITY)) {
            podIdentityTrust(template.resource("PodRole").path("AssumeRolePolicyDocument"));
        }
    }

    private void podIdentityTrust(JsonNode trust) {
        Principal eks = new Principal("EKS Pod Identity", "pods.eks.amazonaws.com", List.of(), List.of());
        String cluster = "arn:aws:eks:" + REGION + ":" + ACCOUNT + ":cluster/prod";
        Map<String, Object> ours = Map.of("aws:RequestTag/eks-cluster-arn", cluster,
                "aws:RequestTag/kubernetes-namespace", "iam-steward",
                "aws:RequestTag/kubernetes-service-account", "iam-steward");
        add(eks, "sts:AssumeRole", POD_ROLE, ours, trust, null, true);
        add(eks, "sts:TagSession", POD_ROLE, ours, trust, null, true);
        add(eks, "sts:AssumeRole", POD_ROLE, NONE, trust, null, false);
        for (Map.Entry<String, Object> tag : ours.entrySet()) {
            Map<String, Object> other = new HashMap<>(ours);
            other.put(tag.getKey(), tag.getKey().endsWith("cluster-arn") ? cluster + "-staging" : "default");
            add(eks, "sts:AssumeRole", POD_ROLE, other, trust, null, false);
        }
    }

    // ---- organization-guardrails.yaml

    private void organization(boolean guardSecrets) {
        combination = "organization-guardrails secrets-prefix=" + (guardSecrets ? "iam-steward/" : "(none)");
        Map<String, String> parameters = new HashMap<>(Map.of("TargetIds", "r-abcd"));
        if (guardSecrets) {
            parameters.put("SecretsNamePrefix", "iam-steward/");
        }
        CloudFormationTemplate template = CloudFormationTemplate.load(ORGANIZATION, parameters);
        Map<String, JsonNode> policies = template.resources("AWS::Organizations::Policy");
        JsonNode scp = policies.get("OnlyTheBrokerMakesManagedUsers").path("Content");
        JsonNode rcp = guardSecrets ? policies.get("OnlyManagedUsersReadDeliveredSecrets").path("Content") : null;

        JsonNode everything = IamSimulate.document("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}");
        Principal admin = new Principal("account administrator under the SCP", IAM + "user/admin",
                List.of(everything), List.of(), List.of(scp));
        Principal broker = broker(CloudFormationTemplate.load(TargetAccountTemplateTest.TEMPLATE, Map.of(
                "ServiceRoleArn", TargetAccountTemplateTest.SERVICE_ROLE,
                "ExternalId", TargetAccountTemplateTest.EXTERNAL_ID))).withServiceControlPolicies(List.of(scp));
        Map<String, Object> withBoundary = Map.of("iam:PermissionsBoundary", BOUNDARY);
        add(admin, "iam:CreateUser", IAM + "user/iam-steward/mallory", withBoundary, false);
        add(admin, "iam:PutUserPermissionsBoundary", ALICE, withBoundary, false);
        add(admin, "iam:DeleteUserPermissionsBoundary", ALICE, NONE, false);
        add(admin, "iam:CreateUser", IAM + "user/ops/carol", NONE, true);
        add(admin, "iam:DeleteUserPermissionsBoundary", IAM + "user/ops/carol", NONE, true);
        add(broker, "iam:CreateUser", ALICE, withBoundary, true);
        add(broker, "iam:DeleteUserPermissionsBoundary", ALICE, NONE, false);

        Principal outsider = new Principal("principal a secret's resource policy names", IAM + "user/ci/deployer",
                List.of(), List.of());
        Principal alice = new Principal("managed user the secret is for", ALICE, List.of(), List.of());
        add(outsider, "secretsmanager:GetSecretValue", SECRET, NONE, naming(IAM + "user/ci/deployer"), rcp,
                !guardSecrets);
        add(alice, "secretsmanager:GetSecretValue", SECRET, NONE, naming(ALICE), rcp, true);
    }

    // ---- organization-root.yaml: sts:AssumeRoot with the credential task policies, on members only

    static final Path ORGANIZATION_ROOT = Path.of("deploy/aws/organization-root.yaml");

    private void organizationRoot() {
        combination = "organization-root";
        CloudFormationTemplate template = CloudFormationTemplate.load(ORGANIZATION_ROOT, Map.of(
                "ServiceRoleArn", TargetAccountTemplateTest.SERVICE_ROLE,
                "ExternalId", TargetAccountTemplateTest.EXTERNAL_ID));
        List<JsonNode> policies = new ArrayList<>();
        template.resource("OrganizationRootRole").path("Policies").forEach(p -> policies.add(p.path("PolicyDocument")));
        Principal role = new Principal("organization root role", IAM + "role/iam-steward-organization-root", policies,
                List.of());
        String member = "arn:aws:iam::444455556666:root";
        String task = "arn:aws:iam::aws:policy/root-task/";
        // The member account's side: centralized root access lets the organization's management (or delegated)
        // account in, which the engine can only see as a resource policy. Naming the role, it leaves every decision
        // to the role's own policy, which is what these probes are about.
        JsonNode memberSide = IamSimulate.document("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + role.arn() + "\"},\"Action\":\"sts:AssumeRoot\",\"Resource\":\"*\"}");
        // What the service needs. AssumeRoot has no sts:DurationSeconds key (the engine refuses one as ignored), so
        // the session's length cannot change a decision here: AWS caps it at 900 seconds itself.
        add(role, "sts:AssumeRoot", member, Map.of("sts:TaskPolicyArn", task + "IAMAuditRootUserCredentials"),
                memberSide, null, true);
        add(role, "sts:AssumeRoot", member, Map.of("sts:TaskPolicyArn", task + "IAMDeleteRootUserCredentials"),
                memberSide, null, true);
        add(role, "sts:AssumeRoot", member, Map.of("sts:TaskPolicyArn", task + "IAMCreateRootUserPassword"),
                memberSide, null, true);
        add(role, "iam:ListOrganizationsFeatures", "*", NONE, true);
        // Other task policies, none, or a look-alike
        for (String other : List.of("S3UnlockBucketPolicy", "SQSUnlockQueuePolicy")) {
            add(role, "sts:AssumeRoot", member, Map.of("sts:TaskPolicyArn", task + other), memberSide, null, false);
        }
        add(role, "sts:AssumeRoot", member, NONE, memberSide, null, false);
        add(role, "sts:AssumeRoot", member, Map.of("sts:TaskPolicyArn",
                "arn:aws:iam::444455556666:policy/root-task/IAMDeleteRootUserCredentials"), memberSide, null, false);
        // The account the role lives in (the management or delegated account)
        add(role, "sts:AssumeRoot", IAM + "root", Map.of("sts:TaskPolicyArn", task + "IAMAuditRootUserCredentials"),
                memberSide, null, false);
        add(role, "sts:AssumeRoot", IAM + "root", Map.of("sts:TaskPolicyArn", task + "IAMDeleteRootUserCredentials"),
                memberSide, null, false);
        add(role, "sts:AssumeRoot", IAM + "root", Map.of("sts:TaskPolicyArn", task + "IAMCreateRootUserPassword"),
                memberSide, null, false);
        add(role, "sts:AssumeRoot", member, Map.of("sts:TaskPolicyArn",
                "arn:aws:iam::444455556666:policy/root-task/IAMCreateRootUserPassword"), memberSide, null, false);
        // Nothing else
        add(role, "sts:AssumeRole", IAM + "role/OrganizationAccountAccessRole", NONE, false);
        add(role, "iam:EnableOrganizationsRootSessions", "*", NONE, false);
        add(role, "iam:DisableOrganizationsRootCredentialsManagement", "*", NONE, false);
        add(role, "iam:DeleteAccessKey", ALICE, NONE, false);
        add(role, "iam:DeleteLoginProfile", ALICE, NONE, false);
        add(role, "iam:CreateLoginProfile", ALICE, NONE, false);
    }

    // ---- helpers

    /** A secret's resource policy granting GetSecretValue to one principal, as the pods could write it. */
    static JsonNode naming(String principal) {
        return IamSimulate.document("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal + "\"},"
                + "\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}");
    }

    private void add(Principal principal, String action, String resource, Map<String, Object> context,
            boolean allowed) {
        add(principal, action, resource, context, null, null, allowed);
    }

    private void add(Principal principal, String action, String resource, Map<String, Object> context,
            JsonNode resourcePolicy, JsonNode resourceControlPolicy, boolean allowed) {
        probes.add(Probe.of(combination, principal, action, resource, context, resourcePolicy,
                resourceControlPolicy, allowed));
    }
}
