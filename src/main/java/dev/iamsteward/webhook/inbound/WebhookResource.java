package dev.iamsteward.webhook.inbound;

import dev.iamsteward.common.Page;
import dev.iamsteward.common.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where ticketing systems post. There is no bearer token here: each delivery is authenticated by its source's
 * signature (or token) over the raw body, before anything reads it.
 */
@Path("/v1/webhooks")
@Tag(name = "Webhooks", description = "Ticketing systems file and approve requests with signed deliveries")
public class WebhookResource {

    private final WebhookReceiver receiver;
    private final FailedDeliveries failed;

    WebhookResource(WebhookReceiver receiver, FailedDeliveries failed) {
        this.receiver = receiver;
        this.failed = failed;
    }

    @GET
    @Path("failed")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listFailedDeliveries",
            summary = "Deliveries that ran out of attempts at processing, most recently failed first")
    @APIResponse(responseCode = "200", description = "A page of failed deliveries; follow next for more")
    @APIResponse(responseCode = "400", description = "An invalid limit or cursor")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is not an admin")
    public Page<DeliveryView> failed(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @Parameter(description = "The cursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return failed.list(limit, cursor, uri);
    }

    @GET
    @Path("refused")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listRefusedDeliveries",
            summary = "Signed, valid deliveries the service refused while processing them, with the reason, "
                    + "most recently refused first")
    @APIResponse(responseCode = "200", description = "A page of refused deliveries; follow next for more")
    @APIResponse(responseCode = "400", description = "An invalid limit or cursor")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is not an admin")
    public Page<DeliveryView> refused(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @Parameter(description = "The cursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return failed.refused(limit, cursor, uri);
    }

    @POST
    @Path("{sourceId}")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet
    @Operation(operationId = "receiveDelivery",
            summary = "Receive a signed delivery from a ticketing system; it is processed asynchronously",
            description = "Authenticated by the source's scheme, not a bearer token: Standard Webhooks headers "
                    + "(standard, servicenow), X-Hub-Signature: sha256=<hex> (jira) or Authorization: Bearer with "
                    + "the source's token (bearer). A delivery id already received is answered 200 and does "
                    + "nothing again.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketDeliveryExample.class)))
    @APIResponse(responseCode = "202", description = "Verified and queued for processing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryReceipt.class)))
    @APIResponse(responseCode = "200", description = "A duplicate of a delivery already received; nothing new",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryReceipt.class)))
    @APIResponse(responseCode = "400", description = "The delivery id is too long")
    @APIResponse(responseCode = "401", description = "Signature invalid: missing, wrong, or its timestamp is "
            + "more than the tolerance away from now; nothing was stored")
    @APIResponse(responseCode = "404", description = "No such source")
    @APIResponse(responseCode = "409", description = "This delivery id came before with another body")
    @APIResponse(responseCode = "413", description = "The body is too large")
    public Response receive(@PathParam("sourceId") String sourceId, @Context HttpHeaders headers, byte[] body) {
        DeliveryReceipt receipt = receiver.receive(sourceId, headers::getHeaderString,
                body == null ? new byte[0] : body);
        return Response.status(receipt.duplicate() ? Response.Status.OK : Response.Status.ACCEPTED)
                .type(MediaType.APPLICATION_JSON).entity(receipt).build();
    }
}
