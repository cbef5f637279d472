package dev.iamsteward.posture;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.EnumParameter;
import dev.iamsteward.common.Page;
import dev.iamsteward.common.Roles;
import dev.iamsteward.request.FiledRequest;
import dev.iamsteward.request.RequestView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
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
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import dev.iamsteward.common.Paging;

/** The account's posture: what is wrong, and the request that fixes it where IAM Steward can. */
@Path("/v1/findings")
@Tag(name = "Findings", description = "What the credential report and account summary show to be wrong")
@Produces(MediaType.APPLICATION_JSON)
public class FindingResource {

    private final FindingService service;
    private final PostureScan scan;
    private final SecurityIdentity identity;

    FindingResource(FindingService service, PostureScan scan, SecurityIdentity identity) {
        this.service = service;
        this.scan = scan;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listFindings",
            summary = "Findings, newest first, a page at a time",
            description = "Ordered by when each was first seen. A finding stays OPEN while scans see it and is "
                    + "RESOLVED once one does not.")
    @APIResponse(responseCode = "200", description = "A page of findings; follow next for the following page")
    @APIResponse(responseCode = "400", description = "An invalid filter, limit or cursor")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is neither an auditor nor an admin")
    public Page<FindingView> list(
            @Parameter(description = "Only findings in this target account") @QueryParam("account")
            @Size(max = 64, message = "account must be at most 64 characters") String account,
            @Parameter(description = "Only findings of this kind") @QueryParam("kind") String kind,
            @Parameter(description = "Only findings of this severity") @QueryParam("severity") String severity,
            @Parameter(description = "OPEN or RESOLVED") @QueryParam("status") String status,
            @Valid @BeanParam Paging paging, @Context UriInfo uri) {
        FindingService.Filter filter = new FindingService.Filter(account,
                EnumParameter.parse(FindingKind.class, "kind", kind),
                EnumParameter.parse(Severity.class, "severity", severity),
                EnumParameter.parse(FindingStatus.class, "status", status));
        return service.list(filter, paging, uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getFinding",
            summary = "One finding with its evidence")
    @APIResponse(responseCode = "200", description = "The finding")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is neither an auditor nor an admin")
    @APIResponse(responseCode = "404", description = "No such finding")
    public FindingView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("scan")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "scanPosture",
            summary = "Scan the account's posture now",
            description = "Reads the account summary and the credential report; IAM makes a new report at most "
                    + "every four hours, so a scan soon after another sees the same report.")
    @APIResponse(responseCode = "200", description = "What the scan opened, saw again and resolved")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is not an admin")
    @APIResponse(responseCode = "502", description = "IAM refused a read the scan needs")
    @APIResponse(responseCode = "503", description = "IAM could not be reached, or is still making the report")
    public ScanResult scan() {
        return scan.scan(Caller.of(identity).name());
    }

    @POST
    @Path("{id}/remediate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "remediateFinding",
            summary = "File the request that fixes this finding, as the caller",
            description = "A pre-filled request (e.g. DEACTIVATE_ACCESS_KEY for an unused key, OFFBOARD_USER for a "
                    + "user no request created) that then waits for approval like any other.")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the request filed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestView.class)),
            headers = {@Header(name = "Location", description = "The request filed",
                            schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = "The request's version, for If-Match",
                            schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is not an admin")
    @APIResponse(responseCode = "404", description = "No such finding, or its user is not a managed user")
    @APIResponse(responseCode = "409", description = "Only the account owner can fix it, it is resolved, a "
            + "remediation is already open, or IAM's state no longer allows the request")
    @APIResponse(responseCode = "502", description = "IAM refused a read the plan needs")
    @APIResponse(responseCode = "503", description = "IAM could not be reached; try again later")
    public Response remediate(@PathParam("id") UUID id, @Context UriInfo uri) {
        RequestView filed = service.remediate(id, Caller.of(identity));
        return FiledRequest.accepted(filed, uri);
    }
}
