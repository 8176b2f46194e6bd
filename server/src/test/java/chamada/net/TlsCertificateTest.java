package chamada.net;

import chamada.i18n.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import static chamada.testing.TestTls.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading the PEM files of {@code --tls-cert} and {@code --tls-key} with the JDK alone. */
class TlsCertificateTest {

    @TempDir
    Path dir;

    @Test
    void read_rsaPair_givesItsCertificate() throws IOException {
        TlsCertificate certificate = TlsCertificate.read(file("rsa-cert.pem"), file("rsa-key.pem"));

        assertThat(certificate.chain()).hasSize(1);
        assertThat(certificate.chain().getFirst().getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(certificate.chain().getFirst().getPublicKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void read_ecPair_givesItsCertificate() throws IOException {
        TlsCertificate certificate = TlsCertificate.read(file("ec-cert.pem"), file("ec-key.pem"));

        assertThat(certificate.chain().getFirst().getPublicKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void read_chain_keepsTheServersCertificateFirstThenTheIntermediate() throws IOException {
        TlsCertificate certificate = TlsCertificate.read(file("chain-cert.pem"), file("chain-key.pem"));

        assertThat(certificate.chain()).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=localhost", "CN=Chamada test intermediate");
    }

    @Test
    void read_filesWithTextAroundTheBlocks_skipsTheText() throws IOException {
        Path certificate = Files.writeString(dir.resolve("cert.pem"), "Bag Attributes\n    friendlyName: chamada\n"
                + Files.readString(file("rsa-cert.pem")));
        Path key = Files.writeString(dir.resolve("key.pem"), "# the school's key\n" + Files.readString(file("rsa-key.pem")));

        assertThat(TlsCertificate.read(certificate, key).chain()).hasSize(1);
    }

    @Test
    void toString_namesTheCertificateButNeverShowsTheKey() throws IOException {
        String text = TlsCertificate.read(file("rsa-cert.pem"), file("rsa-key.pem")).toString();
        String keyBase64 = Files.readString(file("rsa-key.pem")).lines().skip(1).findFirst().orElseThrow();

        assertThat(text).contains("CN=localhost").contains("RSA key").doesNotContain(keyBase64);
    }

    @Test
    void read_pkcs1Key_isRefusedWithTheCommandThatConvertsIt() {
        TlsFileException refused = refusal(file("rsa-cert.pem"), file("rsa-key-pkcs1.pem"));

        assertThat(refused.problem()).isEqualTo(TlsProblem.TRADITIONAL_KEY);
        assertThat(refused.message(Lang.EN)).isEqualTo(file("rsa-key-pkcs1.pem") + " holds the private key in"
                + " OpenSSL's older form (RSA PRIVATE KEY); convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in "
                + file("rsa-key-pkcs1.pem") + " -out key-pkcs8.pem");
    }

    @Test
    void read_encryptedKey_isRefusedWithTheCommandThatDecryptsIt() {
        TlsFileException refused = refusal(file("rsa-cert.pem"), file("rsa-key-encrypted.pem"));

        assertThat(refused.problem()).isEqualTo(TlsProblem.ENCRYPTED_KEY);
        assertThat(refused.message(Lang.PT_BR)).startsWith(file("rsa-key-encrypted.pem") + " guarda uma chave privada"
                + " cifrada").endsWith("openssl pkcs8 -topk8 -nocrypt -in " + file("rsa-key-encrypted.pem")
                + " -out key-pkcs8.pem");
    }

    @Test
    void read_encryptedPkcs1Key_isRefusedAsEncrypted() throws IOException {
        Path key = Files.writeString(dir.resolve("key.pem"), """
                -----BEGIN RSA PRIVATE KEY-----
                Proc-Type: 4,ENCRYPTED
                DEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF

                AAAA
                -----END RSA PRIVATE KEY-----
                """);

        assertThat(refusal(file("rsa-cert.pem"), key).problem()).isEqualTo(TlsProblem.ENCRYPTED_KEY);
    }

    @Test
    void read_keyOfAnotherRsaCertificate_isRefusedNamingBothFiles() {
        TlsFileException refused = refusal(file("rsa-cert.pem"), file("chain-key.pem"));

        assertThat(refused.problem()).isEqualTo(TlsProblem.KEY_MISMATCH);
        assertThat(refused.message(Lang.EN)).startsWith(file("chain-key.pem") + " is not the private key of the first"
                + " certificate in " + file("rsa-cert.pem"));
    }

    @Test
    void read_ecKeyForAnRsaCertificate_isRefusedAsAMismatch() {
        assertThat(refusal(file("rsa-cert.pem"), file("ec-key.pem")).problem()).isEqualTo(TlsProblem.KEY_MISMATCH);
    }

    @Test
    void read_chainInTheWrongOrder_isRefusedAsAMismatch() throws IOException {
        String[] certificates = Files.readString(file("chain-cert.pem")).split("(?<=-----END CERTIFICATE-----\n)");
        Path reversed = Files.writeString(dir.resolve("reversed.pem"), certificates[1] + certificates[0]);

        assertThat(refusal(reversed, file("chain-key.pem")).problem()).isEqualTo(TlsProblem.KEY_MISMATCH);
    }

    @Test
    void read_keyFileGivenAsTheCertificate_isRefusedAsNoCertificate() {
        TlsFileException refused = refusal(file("rsa-key.pem"), file("rsa-key.pem"));

        assertThat(refused.problem()).isEqualTo(TlsProblem.NO_CERTIFICATE);
        assertThat(refused.message(Lang.EN)).startsWith(file("rsa-key.pem") + " holds no PEM certificate");
    }

    @Test
    void read_certificateGivenAsTheKey_isRefusedAsNoKey() {
        assertThat(refusal(file("rsa-cert.pem"), file("rsa-cert.pem")).problem()).isEqualTo(TlsProblem.NO_KEY);
    }

    @Test
    void read_damagedCertificate_isRefusedSayingWhichOne() throws IOException {
        Path certificate = Files.writeString(dir.resolve("cert.pem"), Files.readString(file("rsa-cert.pem"))
                + "-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");

        TlsFileException refused = refusal(certificate, file("rsa-key.pem"));

        assertThat(refused.problem()).isEqualTo(TlsProblem.BAD_CERTIFICATE);
        assertThat(refused.message(Lang.EN)).isEqualTo(certificate + ": certificate 2 in it is not a valid X.509 certificate.");
    }

    /** Ed25519 is a key the JDK reads, but neither RSA nor EC: the two kinds browsers take from a server. */
    @Test
    void read_ed25519Key_isRefusedAsUnsupported() throws IOException, NoSuchAlgorithmException {
        byte[] pkcs8 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
        Path key = Files.writeString(dir.resolve("ed25519.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n");

        assertThat(refusal(file("rsa-cert.pem"), key).problem()).isEqualTo(TlsProblem.UNSUPPORTED_KEY);
    }

    @Test
    void read_folder_isRefusedAsNotAFile() {
        assertThat(refusal(dir, file("rsa-key.pem")).problem()).isEqualTo(TlsProblem.NOT_A_FILE);
    }

    @Test
    void read_missingFile_throwsNoSuchFileNamingIt() {
        Path missing = dir.resolve("missing.pem");

        assertThatThrownBy(() -> TlsCertificate.read(file("rsa-cert.pem"), missing))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining(missing.toString());
    }

    private static TlsFileException refusal(Path certificate, Path key) {
        TlsFileException refused = catchThrowableOfType(TlsFileException.class,
                () -> TlsCertificate.read(certificate, key));
        assertThat(refused).as("a refusal of %s and %s", certificate, key).isNotNull();
        return refused;
    }
}
