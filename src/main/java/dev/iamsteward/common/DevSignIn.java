package dev.iamsteward.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Dev mode only: lets Swagger UI sign in against dev mode's local OIDC server, which answers no cross-origin
 * request. The server's discovery document is served from this origin with its token endpoint pointed at
 * {@link #token}, which hands the authorization code exchange to the server; the browser still signs in on the
 * server's own login page. Providers used outside dev mode allow Swagger UI's origin themselves (see
 * {@link OidcSignIn}).
 */
@IfBuildProfile("dev")
@Path(DevSignIn.PATH)
@PermitAll
public class DevSignIn {

    static final String PATH = "/dev/oidc";
    static final String DISCOVERY = ".well-known/openid-configuration";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    /** Where Swagger UI reads the provider's metadata in dev mode. */
    static String discoveryUrl(int port) {
        return "http://localhost:" + port + PATH + "/" + DISCOVERY;
    }

    @GET
    @Path(DISCOVERY)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response discovery() throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/" + DISCOVERY))
                .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return Response.status(Response.Status.BAD_GATEWAY).build();
        }
        ObjectNode metadata = (ObjectNode) JSON.readTree(answer.body());
        metadata.put("token_endpoint", "http://localhost:" + port + PATH + "/token");
        return Response.ok(metadata).build();
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response token(String form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder exchange = HttpRequest.newBuilder(URI.create(issuer + "/token")).timeout(TIMEOUT)
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            exchange.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        HttpResponse<String> answer = HTTP.send(exchange.build(), HttpResponse.BodyHandlers.ofString());
        return Response.status(answer.statusCode()).entity(answer.body())
                .type(answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(MediaType.APPLICATION_JSON))
                .build();
    }
}
