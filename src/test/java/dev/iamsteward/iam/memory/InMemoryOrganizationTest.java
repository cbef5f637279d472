package dev.iamsteward.iam.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.OrganizationFeature;
import dev.iamsteward.iam.RootSession;
import dev.iamsteward.iam.RootTask;
import dev.iamsteward.iam.RootUserCredentials;
import dev.iamsteward.support.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sandbox organization holds AWS's rules for AssumeRoot and for what each task policy allows. */
class InMemoryOrganizationTest {

    private static final String MANAGEMENT = "999999999999";
    private static final String MEMBER = "111111111111";
    private static final String DELEGATED = "333333333333";
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private final TestClock clock = new TestClock();
    private final InMemoryOrganization organization = new InMemoryOrganization(MANAGEMENT, List.of(MEMBER,
            DELEGATED), "eu-west-1", clock);

    @Test
    void theManagementAccountAuditsAMemberRootUserWithoutNamingAUser() {
        organization.giveRootPassword(MEMBER);
        String key = organization.giveRootAccessKey(MEMBER);
        String mfa = organization.giveRootMfaDevice(MEMBER);
        String certificate = organization.giveRootSigningCertificate(MEMBER);

        RootUserCredentials found = RootUserCredentials.readIn(audit(MEMBER));

        assertEquals(new RootUserCredentials(MEMBER, true, List.of(key), List.of(mfa), List.of(certificate)), found);
        assertEquals(Set.of(OrganizationFeature.values()), organization.enabledFeatures());
    }

    @Test
    void onlyTheManagementOrTheDelegatedAccountMayAssumeRoot() {
        organization.callFrom(DELEGATED);
        assertThrows(IamException.AccessDenied.class, () -> audit(MEMBER));
        assertThrows(IamException.AccessDenied.class, organization::enabledFeatures);

        organization.delegateAdministration(DELEGATED);

        assertEquals(MEMBER, audit(MEMBER).accountId());
    }

    @Test
    void onlyMemberAccountsNotTheManagementAccountItself() {
        IamException.AccessDenied management = assertThrows(IamException.AccessDenied.class, () -> audit(MANAGEMENT));
        assertTrue(management.getMessage().contains("management account"), management.getMessage());
        assertThrows(IamException.AccessDenied.class, () -> audit("444444444444"));
    }

    @Test
    void onlyTheFiveTaskPoliciesAndAtMostNineHundredSeconds() {
        assertThrows(IamException.InvalidInput.class, () -> organization.assumeRoot(MEMBER,
                "arn:aws:iam::aws:policy/AdministratorAccess", 900, null));
        assertThrows(IamException.InvalidInput.class, () -> organization.assumeRoot(MEMBER,
                RootTask.ARN_PREFIX + "IAMDeleteEverything", 900, null));
        assertThrows(IamException.InvalidInput.class, () -> organization.assumeRoot(MEMBER,
                RootTask.AUDIT_ROOT_USER_CREDENTIALS.policyArn(), 901, null));
        assertThrows(IamException.InvalidInput.class, () -> organization.assumeRoot(MEMBER,
                RootTask.AUDIT_ROOT_USER_CREDENTIALS.policyArn(), 0, null));
        for (RootTask task : RootTask.values()) {
            assertEquals(task, organization.assumeRoot(MEMBER, task.policyArn(), 900, null).task());
        }
    }

    @Test
    void aSessionExpires() {
        RootSession session = audit(MEMBER);
        clock.advance(FIVE_MINUTES.minusSeconds(10));
        assertFalse(session.loginProfile().isPresent());

        clock.advance(Duration.ofSeconds(10));

        IamException.AccessDenied expired = assertThrows(IamException.AccessDenied.class, session::accessKeys);
        assertTrue(expired.getMessage().contains("ExpiredToken"), expired.getMessage());
    }

    @Test
    void theGlobalStsEndpointIsRefused() {
        organization.useRegion(InMemoryOrganization.GLOBAL_REGION);

        assertThrows(IamException.InvalidInput.class, () -> audit(MEMBER));
    }

    @Test
    void bothFeaturesMustBeOn() {
        organization.disable(OrganizationFeature.ROOT_SESSIONS);
        assertThrows(IamException.AccessDenied.class, () -> audit(MEMBER));
        organization.enable(OrganizationFeature.ROOT_SESSIONS);
        organization.disable(OrganizationFeature.ROOT_CREDENTIALS_MANAGEMENT);

        assertThrows(IamException.AccessDenied.class, () -> audit(MEMBER));
        assertEquals(Set.of(OrganizationFeature.ROOT_SESSIONS), organization.enabledFeatures());
    }

    @Test
    void theAuditTaskOnlyReads() {
        organization.giveRootPassword(MEMBER);
        String key = organization.giveRootAccessKey(MEMBER);
        RootSession audit = audit(MEMBER);

        assertThrows(IamException.AccessDenied.class, audit::deleteLoginProfile);
        assertThrows(IamException.AccessDenied.class, () -> audit.deleteAccessKey(key));
        assertThrows(IamException.AccessDenied.class, audit::allowPasswordRecovery);
        assertTrue(organization.rootPassword(MEMBER).isPresent());
    }

    @Test
    void theDeleteTaskOnlyDeletesAndDeactivates() {
        organization.giveRootPassword(MEMBER);
        String key = organization.giveRootAccessKey(MEMBER);
        String mfa = organization.giveRootMfaDevice(MEMBER);
        String certificate = organization.giveRootSigningCertificate(MEMBER);
        RootSession delete = organization.assumeRoot(MEMBER, RootTask.DELETE_ROOT_USER_CREDENTIALS, FIVE_MINUTES,
                null);

        assertThrows(IamException.AccessDenied.class, delete::accessKeys);
        assertThrows(IamException.AccessDenied.class, delete::allowPasswordRecovery);
        delete.deleteLoginProfile();
        delete.deleteAccessKey(key);
        delete.deleteSigningCertificate(certificate);
        delete.deactivateMfaDevice(mfa);

        assertThrows(IamException.NoSuchEntity.class, () -> delete.deleteAccessKey(key));
        assertTrue(RootUserCredentials.readIn(audit(MEMBER)).none());
    }

    @Test
    void theCreatePasswordTaskOnlyCreatesAndReadsTheLoginProfile() {
        String key = organization.giveRootAccessKey(MEMBER);
        RootSession create = organization.assumeRoot(MEMBER, RootTask.CREATE_ROOT_USER_PASSWORD, FIVE_MINUTES,
                null);

        assertTrue(create.loginProfile().isEmpty());
        assertThrows(IamException.AccessDenied.class, create::deleteLoginProfile);
        assertThrows(IamException.AccessDenied.class, create::accessKeys);
        assertThrows(IamException.AccessDenied.class, () -> create.deleteAccessKey(key));
        create.allowPasswordRecovery();

        assertTrue(organization.rootPassword(MEMBER).isPresent());
        assertTrue(create.loginProfile().isPresent());
        assertThrows(IamException.EntityAlreadyExists.class, create::allowPasswordRecovery);
    }

    @Test
    void theUnlockTasksAllowNoCredentialCall() {
        RootSession unlock = organization.assumeRoot(MEMBER, RootTask.S3_UNLOCK_BUCKET_POLICY, FIVE_MINUTES, null);

        assertThrows(IamException.AccessDenied.class, unlock::loginProfile);
        assertThrows(IamException.AccessDenied.class, unlock::allowPasswordRecovery);
    }

    @Test
    void everyAssumeRootIsRememberedWithTheRequestItServes() {
        Attribution request = new Attribution(UUID.randomUUID(), "ann", List.of("bob", "carol"));

        organization.assumeRoot(MEMBER, RootTask.DELETE_ROOT_USER_CREDENTIALS, FIVE_MINUTES, request);

        assertEquals(List.of(new InMemoryOrganization.AssumedRoot(MEMBER,
                RootTask.DELETE_ROOT_USER_CREDENTIALS.policyArn(), 300, request)), organization.assumed());
    }

    private RootSession audit(String member) {
        return organization.assumeRoot(member, RootTask.AUDIT_ROOT_USER_CREDENTIALS, FIVE_MINUTES, null);
    }
}
