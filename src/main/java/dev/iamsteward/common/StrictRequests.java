package dev.iamsteward.common;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before anything reads them, bodies of JSON operations that are not {@code application/json} in UTF-8
 * (a missing Content-Type and {@code *}{@code /*} included) and parameters holding control characters, which no
 * name, filter or cursor contains and which PostgreSQL cannot store.
 */
public class StrictRequests {

    @ServerRequestFilter(priority = 2)
    public void refuse(ContainerRequestContext request, ResourceInfo resource) {
        refuseControlCharacters("query parameter", request.getUriInfo().getQueryParameters());
        refuseControlCharacters("path parameter", request.getUriInfo().getPathParameters());
        List<String> declared = declaredTypes(resource);
        if (hasBody(request) && declared.contains(MediaType.APPLICATION_JSON)
                && !accepted(request.getHeaderString(HttpHeaders.CONTENT_TYPE), declared)) {
            throw new StewardException(ErrorKind.UNSUPPORTED_MEDIA_TYPE,
                    "send the body as application/json in UTF-8 (Content-Type: application/json)");
        }
    }

    private static void refuseControlCharacters(String kind, MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value.chars().anyMatch(Character::isISOControl)) {
                    throw StewardException.invalid(kind + " '" + printable(parameter.getKey())
                            + "' must not contain control characters");
                }
            }
        }
    }

    private static String printable(String name) {
        return name.chars().anyMatch(Character::isISOControl) ? "?" : name;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length != null ? !length.trim().equals("0") : request.getHeaderString("Transfer-Encoding") != null;
    }

    private static List<String> declaredTypes(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return List.of();
        }
        Consumes consumes = resource.getResourceMethod().getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        return consumes == null ? List.of() : Arrays.asList(consumes.value());
    }

    /** A JSON type the operation declares, in UTF-8 (JSON's only encoding between systems, RFC 8259). */
    static boolean accepted(String contentType, List<String> declared) {
        if (contentType == null) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        String essence = (type.getType() + "/" + type.getSubtype()).toLowerCase(java.util.Locale.ROOT);
        return !type.isWildcardType() && !type.isWildcardSubtype() && declared.contains(essence)
                && (charset == null || charset.equalsIgnoreCase(StandardCharsets.UTF_8.name()));
    }
}
