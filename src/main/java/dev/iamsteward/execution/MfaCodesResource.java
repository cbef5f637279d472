package dev.iamsteward.execution;

import dev.iamsteward.common.Caller;
import dev.iamsteward.request.RequestView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The owner of a user finishes its MFA enrolment with two codes from the new device. */
@Path("/v1/requests/{id}/mfa-codes")
@Tag(name = "Requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class MfaCodesResource {

    private final MfaCodesService service;
    private final SecurityIdentity identity;

    MfaCodesResource(MfaCodesService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    /*
     * Deliberately not @Idempotent: the body is two codes from the owner's device, and a SHA-256 of twelve
     * digits is reversed by trying them all, so a replay store would keep a second factor's codes in all but
     * name. Nor is it needed: once the codes are accepted the request no longer waits for them, so a retry is
     * refused (409) without doing anything twice, and GET /v1/requests/{id} shows the outcome.
     */
    @POST
    @Operation(operationId = "submitMfaCodes",
            summary = "Enable the MFA device of an ENROL_MFA request with two consecutive codes")
    @APIResponse(responseCode = "200", description = "The device is enabled; the request goes on")
    @APIResponse(responseCode = "400", description = "The codes are malformed or not two consecutive codes")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is not the user's owner")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "The request is not waiting for MFA codes")
    @APIResponse(responseCode = "422", description = "The request's account is no longer a target account")
    public RequestView submit(@PathParam("id") UUID id,
            @Valid @NotNull(message = "a JSON body is required") MfaCodes codes) {
        return service.submit(id, codes, Caller.of(identity));
    }
}
