package io.relance.platform;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Development bearer tokens for the local platform and its tests, signed with {@code deploy/dev-keys/jwt-private.pem}
 * (issuer {@code https://relance.local/dev}, roles in {@code groups}), which every service verifies locally.
 */
public final class DevTokens {

    public static final String ISSUER = "https://relance.local/dev";
    public static final Set<String> ROLES = Set.of("erp", "collector", "manager", "admin");

    private final PrivateKey key;

    private DevTokens(PrivateKey key) {
        this.key = key;
    }

    /** The signer of the project at {@code projectRoot}. */
    public static DevTokens of(Path projectRoot) {
        Path pem = projectRoot.resolve("deploy/dev-keys/jwt-private.pem");
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return new DevTokens(KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64))));
        } catch (IOException e) {
            throw new UncheckedIOException("the development signing key " + pem + " cannot be read", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the development signing key " + pem + " is not a PKCS#8 RSA key", e);
        }
    }

    /** A token for {@code role}, valid for {@code lifetime}; the subject names the role so logs tell callers apart. */
    public String token(String role, Duration lifetime) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "'; one of " + String.join(", ", ROLES.stream().sorted().toList()));
        }
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("dev-" + role);
        claims.setClaim("upn", "dev-" + role);
        claims.setStringListClaim("groups", List.of(role));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(Math.max(1, lifetime.toMinutes()));
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("a development token cannot be signed", e);
        }
    }

    /** The {@code Authorization} header value for {@code role}, valid for an hour. */
    public String bearer(String role) {
        return "Bearer " + token(role, Duration.ofHours(1));
    }
}
