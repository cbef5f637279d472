package dev.iamsteward.webhook.outbound;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.iamsteward.common.Page;
import dev.iamsteward.common.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Notifications that could not be delivered, for admins to see and send again. */
@Path("/v1/notifications")
@Tag(name = "Notifications", description = "Signed webhooks to subscribers and comments on tickets")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final NotificationService service;

    NotificationResource(NotificationService service) {
        this.service = service;
    }

    @GET
    @Path("failed")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listFailedNotifications",
            summary = "Notifications that ran out of attempts, most recently failed first")
    @APIResponse(responseCode = "200", description = "A page of failed notifications; follow next for more")
    @APIResponse(responseCode = "400", description = "An invalid limit or cursor")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is not an admin")
    public Page<NotificationView> failed(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @Parameter(description = "The cursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return service.failed(limit, cursor, uri);
    }

    @POST
    @Path("{id}/redeliver")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "redeliverNotification",
            summary = "Send a failed notification again, with a fresh set of attempts")
    @APIResponse(responseCode = "202", description = "Queued; the worker sends it with its original webhook-id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is not an admin")
    @APIResponse(responseCode = "404", description = "No such notification")
    @APIResponse(responseCode = "409", description = "The notification has not failed")
    public Response redeliver(@PathParam("id") UUID id) {
        return Response.accepted(service.redeliver(id)).build();
    }
}
