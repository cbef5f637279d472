package dev.iamsteward.bare;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The bare app's one endpoint and one scheduled job, so that REST and the clustered scheduler start as in the service. */
@Path("/hello")
public class Hello {

    @GET
    @PermitAll
    public String hello() {
        return "hello";
    }

    @Scheduled(every = "1h", identity = "bare-tick")
    void tick() {
        // Nothing: the trigger only makes Quartz start its clustered store.
    }
}
