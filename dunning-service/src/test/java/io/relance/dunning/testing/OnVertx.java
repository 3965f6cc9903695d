package io.relance.dunning.testing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;

/** Runs reactive work from a test thread on its own safe Vert.x context (so its own session), and waits for it. */
public final class OnVertx {

    private OnVertx() {
    }

    public static <T> CompletableFuture<T> start(Vertx vertx, Supplier<Uni<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
        return result;
    }

    public static <T> T await(Vertx vertx, Supplier<Uni<T>> work) {
        try {
            return start(vertx, work).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("reactive work failed", e);
        }
    }

    /** Runs {@code work} in a transaction of its own and waits for it. */
    public static <T> T inTransaction(Vertx vertx, Function<Mutiny.Session, Uni<T>> work) {
        return await(vertx, () -> Panache.withTransaction(() -> Panache.getSession().chain(session -> work.apply(session))));
    }
}
