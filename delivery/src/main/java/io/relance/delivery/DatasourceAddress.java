package io.relance.delivery;

import io.vertx.pgclient.PgConnectOptions;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** Where the service's own database is, for the one connection that is not from the pool: the relay's LISTEN. */
@Singleton
class DatasourceAddress {

    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;

    DatasourceAddress(@ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    PgConnectOptions options() {
        PgConnectOptions options = PgConnectOptions.fromUri(url);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        return options;
    }
}
