package dev.iamsteward.request;

import dev.iamsteward.common.ETags;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The answer to an action that files a request as the caller, such as remediating a finding. */
public final class FiledRequest {

    private FiledRequest() {
    }

    /** 202 with the request filed: its version as ETag, its address under /v1/requests as Location. */
    public static Response accepted(RequestView filed, UriInfo uri) {
        return Response.accepted(filed).tag(ETags.of(filed.version()))
                .location(uri.getBaseUriBuilder().path("v1/requests").path(filed.id().toString()).build()).build();
    }
}
