package io.relance.payment.support;

import io.smallrye.jwt.build.Jwt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/** Real bearer tokens signed with the development key, as the platform issues them. */
public final class Tokens {

    private static final PrivateKey KEY = readKey(Path.of("../deploy/dev-keys/jwt-private.pem"));

    private Tokens() {
    }

    public static String bearer(String role) {
        return "Bearer " + Jwt.issuer("https://relance.local/dev").subject("test-" + role).groups(Set.of(role))
                .expiresIn(600).sign(KEY);
    }

    private static PrivateKey readKey(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the development signing key " + pem.toAbsolutePath(), e);
        }
    }
}
