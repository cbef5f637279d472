package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.MotoIam.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.LoginProfile;
import dev.iamsteward.iam.PasswordPolicy;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Login profiles and the account password policy through the AWS adapter, against moto over HTTP. */
class AwsConsoleAccessMotoTest {

    private static final Secret PASSWORD = Secret.of("Correct-Horse-Battery-9");

    private MotoIam moto;
    private AwsIamDirectory iam;

    @BeforeEach
    void freshMoto() {
        moto = MotoIam.fresh();
        iam = moto.directory();
    }

    @AfterEach
    void close() {
        moto.close();
    }

    @Test
    void loginProfileIsCreatedFoundAndDeleted() {
        String user = moto.user("alice");
        assertEquals(Optional.empty(), iam.findLoginProfile(user));

        iam.createLoginProfile(user, PASSWORD, true, request());
        assertTrue(iam.findLoginProfile(user).isPresent(), "profile after CreateLoginProfile");

        iam.deleteLoginProfile(user, request());
        assertEquals(Optional.empty(), iam.findLoginProfile(user));
    }

    @Test
    void aSecondProfileIsEntityAlreadyExistsAndDeletingNoneIsNoSuchEntity() {
        String user = moto.user("bob");
        iam.createLoginProfile(user, PASSWORD, true, request());

        assertThrows(IamException.EntityAlreadyExists.class,
                () -> iam.createLoginProfile(user, PASSWORD, false, request()));
        iam.deleteLoginProfile(user, request());
        assertThrows(IamException.NoSuchEntity.class, () -> iam.deleteLoginProfile(user, request()));
    }

    @Test
    void anUnknownUserHasNoLoginProfile() {
        // IAM answers GetLoginProfile for a missing user with NoSuchEntity too, so the two cannot be told apart.
        assertEquals(Optional.empty(), iam.findLoginProfile("nobody"));
    }

    @Test
    void motoIgnoresPasswordResetRequired() {
        // moto 5.2.5 drops PasswordResetRequired on CreateLoginProfile and always reports false; real IAM keeps
        // it. AwsOperationsWireTest checks the adapter sends it.
        String user = moto.user("carol");
        iam.createLoginProfile(user, PASSWORD, true, request());

        LoginProfile profile = iam.findLoginProfile(user).orElseThrow();

        assertFalse(profile.passwordResetRequired());
    }

    @Test
    void motoDoesNotEnforceThePasswordPolicy() {
        // moto 5.2.5 never raises PasswordPolicyViolation; AwsOperationsWireTest checks it becomes InvalidInput.
        moto.setup().updateAccountPasswordPolicy(r -> r.minimumPasswordLength(20).requireSymbols(true));
        String user = moto.user("dan");

        iam.createLoginProfile(user, Secret.of("short"), false, request());

        assertTrue(iam.findLoginProfile(user).isPresent());
    }

    @Test
    void withoutAnAccountPolicyAwsDefaultsApply() {
        assertEquals(PasswordPolicy.AWS_DEFAULT, iam.passwordPolicy());
    }

    @Test
    void theAccountPolicyIsMapped() {
        moto.setup().updateAccountPasswordPolicy(r -> r.minimumPasswordLength(14).requireSymbols(true)
                .requireNumbers(false).requireUppercaseCharacters(true).requireLowercaseCharacters(false));

        assertEquals(new PasswordPolicy(14, true, false, true, false), iam.passwordPolicy());
    }
}
