package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.MotoIam.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamsteward.iam.IamException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing certificates, SSH keys and service-specific credentials through the AWS adapter, against moto. */
class AwsOtherCredentialsMotoTest {

    /** A self-signed test certificate (P-256, CN=iam-steward-test, valid to 2126); moto parses what it gets. */
    private static final String CERTIFICATE = """
            -----BEGIN CERTIFICATE-----
            MIIBjTCCATOgAwIBAgIUWjkgqPHuDwo3ZY8RuXuSTTIsCk8wCgYIKoZIzj0EAwIw
            GzEZMBcGA1UEAwwQaWFtLXN0ZXdhcmQtdGVzdDAgFw0yNjExMjQxMDQ0MjVaGA8y
            MTI2MTAzMTEwNDQyNVowGzEZMBcGA1UEAwwQaWFtLXN0ZXdhcmQtdGVzdDBZMBMG
            ByqGSM49AgEGCCqGSM49AwEHA0IABK4d8arS42nuJWqkjMqCezBmu5Ad7tzHVM24
            yKW8vi7i3YoLrVaRyn8swu2DwKXxfPIyfGDqa/DMhbwQb/lsF8mjUzBRMB0GA1Ud
            DgQWBBSGc/Q71gpEnJqRf4FpYhFjvyEE+jAfBgNVHSMEGDAWgBSGc/Q71gpEnJqR
            f4FpYhFjvyEE+jAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIQCF
            7bp176yPrGfQ/GMXXzpvOOpZ/XjQEjQEuUMfITEHuwIgb1/LBuaWBCI0cWawXst/
            zYO3t0u0tOg9uN2bpb96xto=
            -----END CERTIFICATE-----
            """;
    private static final String SSH_KEY = "ssh-ed25519 "
            + "AAAAC3NzaC1lZDI1NTE5AAAAILg0x21lA+PsJN/DqICUBmdY7m5izrkxSoRisiRvcwIR steward-test";

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
    void signingCertificateIsListedAndDeleted() {
        String user = moto.user("alice");
        String id = moto.setup().uploadSigningCertificate(r -> r.userName(user).certificateBody(CERTIFICATE))
                .certificate().certificateId();

        assertEquals(List.of(id), iam.listSigningCertificates(user));

        iam.deleteSigningCertificate(user, id, request());
        assertEquals(List.of(), iam.listSigningCertificates(user));
        assertThrows(IamException.NoSuchEntity.class, () -> iam.deleteSigningCertificate(user, id, request()));
    }

    @Test
    void sshPublicKeyIsListedAndDeleted() {
        String user = moto.user("bob");
        String id = moto.setup().uploadSSHPublicKey(r -> r.userName(user).sshPublicKeyBody(SSH_KEY))
                .sshPublicKey().sshPublicKeyId();

        assertEquals(List.of(id), iam.listSshPublicKeys(user));

        iam.deleteSshPublicKey(user, id, request());
        assertEquals(List.of(), iam.listSshPublicKeys(user));
        assertThrows(IamException.NoSuchEntity.class, () -> iam.deleteSshPublicKey(user, id, request()));
    }

    @Test
    void listingsOfAnUnknownUserAreNoSuchEntity() {
        assertThrows(IamException.NoSuchEntity.class, () -> iam.listSigningCertificates("nobody"));
        assertThrows(IamException.NoSuchEntity.class, () -> iam.listSshPublicKeys("nobody"));
    }

    @Test
    void motoDoesNotImplementServiceSpecificCredentials() {
        // moto 5.2.5 answers every *ServiceSpecificCredential* action with an HTML 500, so none can be created;
        // AwsOperationsWireTest covers listing (with markers) and deleting them. Against this endpoint override the
        // listing is reported as not implemented (an offboarding's plan says so); a delete stays an outage.
        String user = moto.user("carol");

        IamException.NotImplemented listing = assertThrows(IamException.NotImplemented.class,
                () -> iam.listServiceSpecificCredentials(user));
        assertEquals("the endpoint does not implement ListServiceSpecificCredentials", listing.getMessage());
        assertThrows(IamException.Unavailable.class,
                () -> iam.deleteServiceSpecificCredential(user, "ACCAEXAMPLE1234567890", request()));
    }
}
