package chamada.net;

import chamada.i18n.Bilingual;

/**
 * What can be wrong with the PEM files of {@code --tls-cert} and {@code --tls-key}, in both
 * languages, for the person who starts the server. Every text takes the file as {@code {0}};
 * the technical detail (the JDK's words) stays in the exception's cause.
 */
public enum TlsProblem implements Bilingual {
    NOT_A_FILE(
            "{0} is a folder, not a PEM file.",
            "{0} é uma pasta, não um arquivo PEM."),
    NO_CERTIFICATE(
            "{0} holds no PEM certificate (-----BEGIN CERTIFICATE-----); --tls-cert takes the server's certificate,"
                    + " then any intermediate ones.",
            "{0} não contém certificado PEM (-----BEGIN CERTIFICATE-----); --tls-cert recebe o certificado do"
                    + " servidor e, depois dele, os intermediários."),
    /** {@code {1}}: which certificate of the file, counting from 1. */
    BAD_CERTIFICATE(
            "{0}: certificate {1} in it is not a valid X.509 certificate.",
            "{0}: o certificado {1} dele não é um certificado X.509 válido."),
    NO_KEY(
            "{0} holds no PEM private key in PKCS#8 form (-----BEGIN PRIVATE KEY-----); --tls-key takes the"
                    + " certificate's private key.",
            "{0} não contém chave privada PEM no formato PKCS#8 (-----BEGIN PRIVATE KEY-----); --tls-key recebe a"
                    + " chave privada do certificado."),
    /** {@code {1}}: the PEM label found, such as {@code RSA PRIVATE KEY}. */
    TRADITIONAL_KEY(
            "{0} holds the private key in OpenSSL's older form ({1}); convert it to PKCS#8 with:"
                    + " openssl pkcs8 -topk8 -nocrypt -in {0} -out key-pkcs8.pem",
            "{0} guarda a chave privada no formato antigo do OpenSSL ({1}); converta-a para PKCS#8 com:"
                    + " openssl pkcs8 -topk8 -nocrypt -in {0} -out key-pkcs8.pem"),
    ENCRYPTED_KEY(
            "{0} holds an encrypted private key, and the server cannot ask for its passphrase; write it unencrypted,"
                    + " readable only by the server's user, with: openssl pkcs8 -topk8 -nocrypt -in {0} -out key-pkcs8.pem",
            "{0} guarda uma chave privada cifrada, e o servidor não tem como pedir a senha dela; grave-a sem cifra,"
                    + " legível só pelo usuário do servidor, com: openssl pkcs8 -topk8 -nocrypt -in {0} -out key-pkcs8.pem"),
    UNSUPPORTED_KEY(
            "{0}: the private key is neither RSA nor EC, or is damaged.",
            "{0}: a chave privada não é RSA nem EC, ou está danificada."),
    /** {@code {1}}: the certificate file. */
    KEY_MISMATCH(
            "{0} is not the private key of the first certificate in {1} (the server's own certificate, which must"
                    + " come before any intermediate one).",
            "{0} não é a chave privada do primeiro certificado de {1} (o certificado do próprio servidor, que deve"
                    + " vir antes dos intermediários).");

    private final String en;
    private final String pt;

    TlsProblem(String en, String pt) {
        this.en = en;
        this.pt = pt;
    }

    @Override
    public String en() {
        return en;
    }

    @Override
    public String pt() {
        return pt;
    }
}
