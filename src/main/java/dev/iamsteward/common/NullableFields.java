package dev.iamsteward.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Says in the OpenAPI document what the JSON says: a field of a response that is not required may come back as
 * {@code null} (responses write every field). Request bodies are left as they are: there, absent is the way to
 * say nothing.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class NullableFields implements OASFilter {

    private static final String COMPONENTS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Set<String> requestBodies = requestBodySchemas(openAPI);
        for (Map.Entry<String, Schema> component : openAPI.getComponents().getSchemas().entrySet()) {
            if (requestBodies.contains(component.getKey()) || component.getValue().getProperties() == null) {
                continue;
            }
            Schema schema = component.getValue();
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> property : new ArrayList<>(schema.getProperties().entrySet())) {
                if (!required.contains(property.getKey())) {
                    schema.addProperty(property.getKey(), nullable(property.getValue()));
                }
            }
        }
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null || property.getType() == null) {
            return OASFactory.createSchema().description(property.getDescription()).anyOf(List.of(
                    property.description(null), OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL))));
        }
        if (!property.getType().contains(Schema.SchemaType.NULL)) {
            List<Schema.SchemaType> types = new ArrayList<>(property.getType());
            types.add(Schema.SchemaType.NULL);
            property.setType(types);
        }
        return property;
    }

    private static Set<String> requestBodySchemas(OpenAPI openAPI) {
        Set<String> names = new HashSet<>();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return names;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().getMediaTypes().values().forEach(media -> {
                    if (media.getSchema() != null && media.getSchema().getRef() != null) {
                        names.add(media.getSchema().getRef().substring(COMPONENTS.length()));
                    }
                });
            }
        }));
        return names;
    }
}
