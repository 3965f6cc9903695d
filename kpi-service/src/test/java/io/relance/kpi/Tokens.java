package io.relance.kpi;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Set;

/** Real bearer tokens signed with the development key, as the platform's token command issues them. */
public final class Tokens {

    private static final Path PRIVATE_KEY = Path.of("../deploy/dev-keys/jwt-private.pem");

    private Tokens() {
    }

    public static String of(String role) {
        return Jwt.issuer("https://relance.local/dev").upn("test-" + role).groups(Set.of(role))
                .expiresIn(3600).sign(privateKey());
    }

    /** Makes every following RestAssured request of this test carry a token with {@code role}. */
    public static void actAs(String role) {
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", "Bearer " + of(role)).build();
    }

    private static PrivateKey privateKey() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(PRIVATE_KEY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the development private key cannot be read", e);
        }
    }
}
