package dev.iamsteward.credential;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.iamsteward.common.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The one-time retrieval of a secret by the owner of the user it belongs to. */
@Path("/v1/deliveries/{id}/retrieve")
@Tag(name = "Secrets", description = "Fetch a new secret once: access key secrets, passwords, MFA seeds")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DeliveryResource {

    /**
     * The body of a retrieval: the secret in clear, this once. For an MFA seed, {@code otpauthUri} is the
     * same seed as authenticator apps read it from a QR code.
     */
    public record SecretBody(UUID deliveryId, SecretDelivery.Kind kind, String userName, String label,
            String secret, String otpauthUri) {
    }

    private final DeliveryService service;
    private final SecurityIdentity identity;

    DeliveryResource(DeliveryService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    /*
     * Deliberately not @Idempotent: its response is the secret in clear, and a replay store would keep it and
     * hand it out again, the very thing a one-time retrieval exists to prevent. A lost response is a lost secret:
     * the owner asks for a new one.
     */
    @POST
    @Operation(operationId = "retrieveSecret",
            summary = "Fetch a secret; it is destroyed as it is handed over, so only the first call gets it")
    @APIResponse(responseCode = "200", description = "The secret, this once; never cached",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SecretBody.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is not the owner of the user")
    @APIResponse(responseCode = "404", description = "No such delivery")
    @APIResponse(responseCode = "410", description = "Already fetched, or expired unread")
    public Response retrieve(@PathParam("id") UUID id) {
        Retrieved retrieved = service.retrieve(id, Caller.of(identity));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoTransform(false);
        String secret = retrieved.secret().reveal();
        String otpauth = retrieved.kind() == SecretDelivery.Kind.MFA_SEED
                ? "otpauth://totp/" + encode("AWS:" + retrieved.userName()) + "?secret=" + secret + "&issuer=AWS"
                : null;
        return Response.ok(new SecretBody(retrieved.deliveryId(), retrieved.kind(), retrieved.userName(),
                retrieved.label(), secret, otpauth)).cacheControl(noStore).build();
    }

    private static String encode(String label) {
        return URLEncoder.encode(label, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
