package chamada.teachers;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHashTest {

    /** Made by Python's hashlib.pbkdf2_hmac('sha256', 'senha-forte-çã'.encode(), b'0123456789abcdef', 1000, 32). */
    private static final String FROM_PYTHON =
            "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$VYHFlBMF+l3a5tLUVKqUQrPYY8Ij03Qt8PY9YfiJkgc=";

    @Test
    void of_encoded_hasSchemeIterationsSaltAndHash() {
        String encoded = PasswordHash.of("s3cret").encoded();

        String[] parts = encoded.split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(parts[1]).isEqualTo("600000");
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(encoded).doesNotContain("s3cret");
    }

    @Test
    void matches_sameSecretAfterRoundTrip_isTrueAndWrongSecretFalse() {
        PasswordHash hash = PasswordHash.parse(PasswordHash.of("s3cret").encoded());

        assertThat(hash.matches("s3cret")).isTrue();
        assertThat(hash.matches("s3cret ")).isFalse();
        assertThat(hash.matches("")).isFalse();
    }

    @Test
    void of_sameSecretTwice_usesDifferentSalts() {
        assertThat(PasswordHash.of("x").encoded()).isNotEqualTo(PasswordHash.of("x").encoded());
    }

    @Test
    void parse_hashMadeByPython_matchesUtf8Secret() {
        PasswordHash hash = PasswordHash.parse(FROM_PYTHON);

        assertThat(hash.iterations()).isEqualTo(1000);
        assertThat(hash.matches("senha-forte-çã")).isTrue();
        assertThat(hash.matches("senha-forte-ca")).isFalse();
    }

    @Test
    void parse_malformed_namesWhatIsWrong() {
        assertThatThrownBy(() -> PasswordHash.parse("abc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 parts");
        assertThatThrownBy(() -> PasswordHash.parse("bcrypt$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA=="))
                .hasMessageContaining("unknown scheme \"bcrypt\"");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$many$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA=="))
                .hasMessageContaining("iterations \"many\"");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$0$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA=="))
                .hasMessageContaining("iterations must be from 1");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$1000$not base64!$aGFzaGhhc2hoYXNoaGFzaA=="))
                .hasMessageContaining("salt is not valid Base64");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$1000$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA=="))
                .hasMessageContaining("salt must be 8 to 64 bytes, got 4");
    }

    @Test
    void toString_doesNotShowTheHash() {
        PasswordHash hash = PasswordHash.parse(FROM_PYTHON);

        assertThat(hash.toString()).doesNotContain("VYHF").contains("1000");
    }
}
