package dev.iamsteward.common;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Gives every error response of the OpenAPI document its body: an {@code application/problem+json}
 * {@link Problem}, declared once as a component, so that clients generated from the document parse errors.
 */
public class ProblemResponses implements OASFilter {

    private static final String REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
                return;
            }
            if (hasPathOrQueryParameter(op) && !op.getResponses().hasAPIResponse("400")) {
                op.getResponses().addAPIResponse("400", OASFactory.createAPIResponse().description("A path or "
                        + "query parameter is not of its type (e.g. an id that is not a UUID) or holds a control "
                        + "character"));
            }
            if (hasPathOrQueryParameter(op) && !op.getResponses().hasAPIResponse("414")) {
                op.getResponses().addAPIResponse("414", OASFactory.createAPIResponse().description("The request "
                        + "target (path and query) is longer than steward.http.max-uri-length"));
            }
            for (Map.Entry<String, APIResponse> response : op.getResponses().getAPIResponses().entrySet()) {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    response.getValue().setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))
                                    .example(example(response.getKey(), response.getValue()))));
                }
            }
        }));
    }

    /** Whether the operation takes path or query parameters, which StrictRequests and type conversion check. */
    private static boolean hasPathOrQueryParameter(Operation op) {
        return op.getParameters() != null && op.getParameters().stream().map(Parameter::getIn)
                .anyMatch(in -> in == Parameter.In.PATH || in == Parameter.In.QUERY);
    }

    /** The problem this response would carry, its detail the response's own description. */
    private static Map<String, Object> example(String status, APIResponse response) {
        ErrorKind kind = ErrorKind.forStatus(Integer.parseInt(status));
        Map<String, Object> example = new java.util.LinkedHashMap<>();
        example.put("type", kind.type().toString());
        example.put("title", kind.title());
        example.put("status", Integer.parseInt(status));
        if (response.getDescription() != null) {
            example.put("detail", response.getDescription());
        }
        return example;
    }

    private static Schema problemSchema() {
        Schema violation = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", text("The invalid field"))
                .addProperty("message", text("What is wrong with it"));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem details body")
                .addProperty("type", text("A stable URN per kind of error, e.g. urn:iam-steward:problem:not-found"))
                .addProperty("title", text("The kind of error, in words"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", text("This occurrence, in words"))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(violation))
                .required(List.of("type", "title", "status"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
