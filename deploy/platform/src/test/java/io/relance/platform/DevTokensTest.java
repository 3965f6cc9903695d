package io.relance.platform;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevTokensTest {

    private static final Path ROOT = Path.of("../..");

    @Test
    void aTokenVerifiesWithTheDevelopmentPublicKeyAndCarriesItsRoleInGroups() throws Exception {
        String token = DevTokens.of(ROOT).token("collector", Duration.ofHours(2));

        JwtClaims claims = consumer(publicKey()).processToClaims(token);

        assertThat(claims.getIssuer()).isEqualTo("https://relance.local/dev");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("collector");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(7200);
    }

    @Test
    void aTokenWithAnAlteredPayloadIsRejected() throws Exception {
        String[] parts = DevTokens.of(ROOT).token("erp", Duration.ofHours(1)).split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"erp\"", "\"admin\"").getBytes()) + "." + parts[2];

        assertThatThrownBy(() -> consumer(publicKey()).processToClaims(forged)).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void anUnknownRoleIsRefusedRatherThanSigned() {
        assertThatThrownBy(() -> DevTokens.of(ROOT).token("root", Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown role 'root'");
    }

    private static JwtConsumer consumer(PublicKey key) {
        return new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer("https://relance.local/dev")
                .setRequireExpirationTime().build();
    }

    private static PublicKey publicKey() throws Exception {
        String base64 = Files.readString(ROOT.resolve("deploy/dev-keys/jwt-public.pem"))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
