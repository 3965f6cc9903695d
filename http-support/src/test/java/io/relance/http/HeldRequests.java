package io.relance.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Endpoints of the test application only: {@code /held} answers once the test lets it, {@code /quick} at once. */
@Path("/")
public class HeldRequests {

    static final AtomicReference<CountDownLatch> GATE = new AtomicReference<>(new CountDownLatch(0));

    @GET
    @Path("held")
    public String held() throws InterruptedException {
        GATE.get().await(30, TimeUnit.SECONDS);
        return "released";
    }

    @POST
    @Path("held")
    public String heldWithBody(String body) throws InterruptedException {
        GATE.get().await(30, TimeUnit.SECONDS);
        return Integer.toString(body.length());
    }

    @GET
    @Path("quick")
    public String quick() {
        return "quick";
    }
}
