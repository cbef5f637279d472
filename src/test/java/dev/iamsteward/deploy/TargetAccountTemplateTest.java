package dev.iamsteward.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The permissions boundary and the broker role of a target account hold to AWS's delegated-admin pattern. */
class TargetAccountTemplateTest {

    static final Path TEMPLATE = Path.of("deploy/aws/target-account.yaml");
    static final String ACCOUNT = CloudFormationTemplate.ACCOUNT;
    static final String SERVICE_ROLE = "arn:aws:iam::999988887777:role/iam-steward-pod";
    static final String EXTERNAL_ID = "external-id-for-the-tests-0123";
    static final List<String> CATALOG_POLICIES = List.of("arn:aws:iam::" + ACCOUNT + ":policy/data-read",
            "arn:aws:iam::aws:policy/job-function/Billing");
    static final List<String> CATALOG_GROUPS = List.of("arn:aws:iam::" + ACCOUNT + ":group/data-readers",
            "arn:aws:iam::" + ACCOUNT + ":group/teams/ops");
    static final List<String> CATALOG_GROUP_NAMES = List.of("data-readers", "ops");
    static final String BOUNDARY = "arn:aws:iam::" + ACCOUNT + ":policy/iam-steward/managed-user-boundary";
    static final String USERS = "arn:aws:iam::" + ACCOUNT + ":user/iam-steward/*";
    static final String MFA_DEVICES = "arn:aws:iam::" + ACCOUNT + ":mfa/iam-steward/*";
    static final Set<String> SERVICES_OWN_POLICIES = Set.of("arn:aws:iam::aws:policy/AWSDenyAll",
            "arn:aws:iam::aws:policy/IAMUserChangePassword");
    /** The actions AWS's example lets a delegated admin use only with the boundary condition. */
    static final Set<String> BOUNDARY_CONDITIONED = Set.of("iam:CreateUser", "iam:PutUserPermissionsBoundary",
            "iam:PutUserPolicy", "iam:AttachUserPolicy", "iam:DetachUserPolicy", "iam:DeleteUserPolicy");
    /** Actions IAM authorizes against no resource, so "*" is their only resource. */
    static final Set<String> ACCOUNT_LEVEL = Set.of("iam:ListUsers", "iam:GetAccountPasswordPolicy",
            "iam:GetAccountSummary", "iam:GenerateCredentialReport", "iam:GetCredentialReport");
    static final Set<String> ON_GROUPS = Set.of("iam:AddUserToGroup", "iam:RemoveUserFromGroup");
    static final Set<String> ON_MFA_DEVICES = Set.of("iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice");
    static final String BROKER_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/iam-steward-broker";
    /** The broker's self-check asks the simulator about the broker's own policies, and about nobody else's. */
    static final Set<String> ON_THE_BROKER_ITSELF = Set.of("iam:SimulatePrincipalPolicy");

    static CloudFormationTemplate withCatalog() {
        return CloudFormationTemplate.load(TEMPLATE, Map.of("ServiceRoleArn", SERVICE_ROLE, "ExternalId", EXTERNAL_ID,
                "CatalogPolicyArns", String.join(",", CATALOG_POLICIES),
                "CatalogGroupArns", String.join(",", CATALOG_GROUPS),
                "CatalogGroupNames", String.join(",", CATALOG_GROUP_NAMES)));
    }

    static List<PolicyStatement> brokerPermissions(CloudFormationTemplate template) {
        List<PolicyStatement> statements = new ArrayList<>();
        template.resource("BrokerRole").path("Policies")
                .forEach(p -> statements.addAll(PolicyStatement.of(p.path("PolicyDocument"))));
        return statements;
    }

    static List<PolicyStatement> brokerTrust(CloudFormationTemplate template) {
        return PolicyStatement.of(template.resource("BrokerRole").path("AssumeRolePolicyDocument"));
    }

    static List<PolicyStatement> boundary(CloudFormationTemplate template) {
        return PolicyStatement.of(template.resource("ManagedUserBoundary").path("PolicyDocument"));
    }

    static boolean allowed(List<PolicyStatement> statements, String action) {
        return statements.stream().anyMatch(s -> s.allow() && s.covers(action));
    }

    static PolicyStatement only(List<PolicyStatement> statements, Predicate<PolicyStatement> which, String what) {
        List<PolicyStatement> found = statements.stream().filter(which).toList();
        assertEquals(1, found.size(), () -> "exactly one statement " + what + ": " + found);
        return found.get(0);
    }

    static boolean isPlainDeny(PolicyStatement statement) {
        return statement.effect().equals("Deny") && statement.condition().isMissingNode();
    }

    @Test
    void noStatementGrantsEverythingOrAllOfIam() {
        CloudFormationTemplate template = withCatalog();
        List<PolicyStatement> all = new ArrayList<>(brokerPermissions(template));
        all.addAll(brokerTrust(template));
        all.addAll(boundary(template));

        assertTrue(all.size() > 15, "statements found: " + all.size());
        for (PolicyStatement statement : all) {
            assertFalse(statement.actions().isEmpty(), statement.sid());
            assertTrue(statement.actions().stream().noneMatch(a -> a.equals("*") || a.equalsIgnoreCase("iam:*")),
                    statement.sid() + " " + statement.actions());
            if (statement.allow()) {
                assertEquals(List.of(), statement.notActions(), statement.sid());
                assertEquals(List.of(), statement.notResources(), statement.sid());
            }
        }
    }

    @Test
    void userLevelActionsReachOnlyManagedUsersTheirMfaDevicesAndCatalogGroups() {
        for (PolicyStatement statement : brokerPermissions(withCatalog())) {
            if (!statement.allow()) {
                continue;
            }
            for (String action : statement.actions()) {
                List<String> expected = ACCOUNT_LEVEL.contains(action) ? List.of("*")
                        : ON_GROUPS.contains(action) ? CATALOG_GROUPS
                        : ON_MFA_DEVICES.contains(action) ? List.of(MFA_DEVICES)
                        : ON_THE_BROKER_ITSELF.contains(action) ? List.of(BROKER_ROLE)
                        : List.of(USERS);
                assertEquals(expected, statement.resources(), statement.sid() + " " + action);
            }
        }
    }

    @Test
    void everyCreateAttachDetachAndPolicyChangeRequiresTheBoundary() {
        List<PolicyStatement> permissions = brokerPermissions(withCatalog());
        assertTrue(allowed(permissions, "iam:CreateUser"));
        assertTrue(allowed(permissions, "iam:AttachUserPolicy"));

        for (PolicyStatement statement : permissions) {
            if (statement.allow() && BOUNDARY_CONDITIONED.stream().anyMatch(statement::covers)) {
                assertEquals(List.of(BOUNDARY), statement.conditionValues("StringEquals", "iam:PermissionsBoundary"),
                        statement.sid());
            }
        }
    }

    @Test
    void onlyTheCatalogsPoliciesAndTheServicesOwnCanBeAttachedOrDetached() {
        Set<String> attachable = new HashSet<>(CATALOG_POLICIES);
        attachable.addAll(SERVICES_OWN_POLICIES);
        // The AWS managed policies the service attaches itself (suspension, console access) are among them.
        Set<String> usedByTheService = MainSources.matches("request",
                Pattern.compile("\"(arn:aws:iam::aws:policy/[A-Za-z]+)\""));
        assertEquals(SERVICES_OWN_POLICIES, usedByTheService);

        for (String action : List.of("iam:AttachUserPolicy", "iam:DetachUserPolicy")) {
            Set<String> granted = new HashSet<>();
            for (PolicyStatement statement : brokerPermissions(withCatalog())) {
                if (statement.allow() && statement.covers(action)) {
                    List<String> policies = statement.conditionValues("ArnEquals", "iam:PolicyARN");
                    assertFalse(policies.isEmpty(), statement.sid());
                    granted.addAll(policies);
                }
            }
            assertEquals(attachable, granted, action);
        }
    }

    @Test
    void withoutACatalogOnlyTheServicesOwnPoliciesAndNoGroupsAreGranted() {
        CloudFormationTemplate template = CloudFormationTemplate.load(TEMPLATE,
                Map.of("ServiceRoleArn", SERVICE_ROLE, "ExternalId", EXTERNAL_ID));
        List<PolicyStatement> permissions = brokerPermissions(template);

        assertFalse(allowed(permissions, "iam:AddUserToGroup"));
        for (PolicyStatement statement : permissions) {
            assertFalse(statement.resources().contains(""), statement.sid());
            assertFalse(statement.conditionValues("ArnEquals", "iam:PolicyARN").contains(""), statement.sid());
        }
        Set<String> attachable = new HashSet<>();
        permissions.stream().filter(s -> s.allow() && s.covers("iam:AttachUserPolicy"))
                .forEach(s -> attachable.addAll(s.conditionValues("ArnEquals", "iam:PolicyARN")));
        assertEquals(SERVICES_OWN_POLICIES, attachable);
    }

    @Test
    void theBoundaryCanNeitherBeRemovedNorChangedNorAvoided() {
        List<PolicyStatement> permissions = brokerPermissions(withCatalog());

        PolicyStatement noRemoval = only(permissions, s -> s.effect().equals("Deny")
                && s.covers("iam:DeleteUserPermissionsBoundary") && s.resources().equals(List.of("*")),
                "denying DeleteUserPermissionsBoundary everywhere");
        assertTrue(isPlainDeny(noRemoval));

        PolicyStatement noEdit = only(permissions, s -> s.effect().equals("Deny")
                && s.resources().equals(List.of(BOUNDARY)), "denying changes to the boundary policy");
        assertEquals(Set.of("iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion",
                "iam:SetDefaultPolicyVersion"), Set.copyOf(noEdit.actions()));
        assertTrue(isPlainDeny(noEdit));

        PolicyStatement noOtherBoundary = only(permissions, s -> s.effect().equals("Deny")
                && !s.conditionValues("StringNotEquals", "iam:PermissionsBoundary").isEmpty(),
                "denying user changes without the boundary");
        assertTrue(noOtherBoundary.actions().containsAll(BOUNDARY_CONDITIONED), noOtherBoundary.actions().toString());
        assertEquals(List.of(BOUNDARY), noOtherBoundary.conditionValues("StringNotEquals", "iam:PermissionsBoundary"));
        assertEquals(List.of("*"), noOtherBoundary.resources());
    }

    @Test
    void theBrokerMaySimulateItsOwnPoliciesOnly() {
        CloudFormationTemplate template = withCatalog();
        PolicyStatement simulate = only(brokerPermissions(template), s -> s.covers("iam:SimulatePrincipalPolicy"),
                "allowing SimulatePrincipalPolicy");

        assertEquals(List.of("iam:SimulatePrincipalPolicy"), simulate.actions());
        assertEquals(List.of(BROKER_ROLE), simulate.resources());
        assertTrue(simulate.allow() && simulate.condition().isMissingNode(), simulate.sid());
        assertEquals(BROKER_ROLE, "arn:aws:iam::" + ACCOUNT + ":role/"
                + template.resource("BrokerRole").path("RoleName").asText());
        assertFalse(allowed(brokerPermissions(template), "iam:SimulateCustomPolicy"));
    }

    @Test
    void noInlinePolicyCanBeWrittenBecauseNoConditionCouldHoldItToTheCatalog() {
        assertFalse(allowed(brokerPermissions(withCatalog()), "iam:PutUserPolicy"));
    }

    @Test
    void onlyThePodRoleMayAssumeTheBrokerWithTheExternalIdAndTheServicesSessionTags() {
        List<PolicyStatement> trust = brokerTrust(withCatalog());
        Set<String> tagKeys = MainSources.matches("iam/aws/StsSessions.java", Pattern.compile("tag\\(\"([\\w-]+)\""));
        assertEquals(Set.of("steward-request-id", "steward-requester", "steward-approvers"), tagKeys);

        for (PolicyStatement statement : trust) {
            assertEquals("Allow", statement.effect(), statement.sid());
            assertEquals(SERVICE_ROLE, statement.principal().path("AWS").asText(), statement.sid());
            assertEquals(1, statement.actions().size(), statement.sid());
            assertTrue(Set.of("sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession")
                    .contains(statement.actions().get(0)), statement.sid());
        }
        PolicyStatement assume = only(trust, s -> s.covers("sts:AssumeRole"), "allowing AssumeRole");
        assertEquals(List.of(EXTERNAL_ID), assume.conditionValues("StringEquals", "sts:ExternalId"));
        only(trust, s -> s.covers("sts:SetSourceIdentity"), "allowing SetSourceIdentity");
        PolicyStatement tag = only(trust, s -> s.covers("sts:TagSession"), "allowing TagSession");
        Set<String> podIdentityTags = Set.of("eks-cluster-arn", "eks-cluster-name", "kubernetes-namespace",
                "kubernetes-service-account", "kubernetes-pod-name", "kubernetes-pod-uid");
        Set<String> allowedKeys = new HashSet<>(tagKeys);
        allowedKeys.addAll(podIdentityTags);
        assertEquals(allowedKeys, Set.copyOf(tag.conditionValues("ForAllValues:StringEquals", "aws:TagKeys")));
        assertEquals(List.of("true"), tag.conditionValues("Null", "sts:TransitiveTagKeys"));
    }

    @Test
    void theBoundaryIsTheOneTheServiceIsConfiguredWithAndTheBrokerRequires() {
        CloudFormationTemplate template = withCatalog();
        JsonNode policy = template.resource("ManagedUserBoundary");
        assertEquals(BOUNDARY, "arn:aws:iam::" + ACCOUNT + ":policy" + policy.path("Path").asText()
                + policy.path("ManagedPolicyName").asText());

        String properties = MainSources.readResource("application.properties");
        String managedPath = template.raw().path("Parameters").path("ManagedPath").path("Default").asText();
        assertTrue(properties.contains("\nsteward.iam.managed-path=" + managedPath + "\n"), managedPath);
        String devBoundary = BOUNDARY.replace(ACCOUNT, "000000000000");
        assertTrue(properties.contains("\n%dev.steward.iam.permissions-boundary-arn=" + devBoundary + "\n"),
                devBoundary);
    }

    @Test
    void theBoundaryCapsManagedUsersButLetsThemChangeTheirPassword() {
        List<PolicyStatement> boundary = boundary(withCatalog());
        List<String> escapes = List.of("iam:CreateUser", "iam:CreateRole", "iam:CreateAccessKey",
                "iam:AttachUserPolicy", "iam:PutUserPolicy", "iam:PutRolePolicy", "iam:AddUserToGroup",
                "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:UpdateAssumeRolePolicy",
                "iam:DeleteUserPermissionsBoundary", "iam:PutUserPermissionsBoundary", "iam:PassRole",
                "sts:AssumeRole");

        for (String escape : escapes) {
            assertTrue(boundary.stream().anyMatch(s -> isPlainDeny(s) && s.covers(escape)
                    && s.resources().equals(List.of("*"))), escape);
        }
        PolicyStatement password = only(boundary, s -> s.allow() && s.covers("iam:ChangePassword"),
                "allowing ChangePassword");
        assertEquals(List.of("arn:aws:iam::" + ACCOUNT + ":user/iam-steward/${aws:username}",
                "arn:aws:iam::" + ACCOUNT + ":user/iam-steward/*/${aws:username}"), password.resources());
        assertTrue(boundary.stream().filter(PolicyStatement::allow).flatMap(s -> s.actions().stream())
                .noneMatch(a -> (a.startsWith("iam:") || a.startsWith("sts:")) && a.contains("*")));
    }
}
