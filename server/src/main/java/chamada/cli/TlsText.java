package chamada.cli;

import chamada.i18n.Bilingual;

/**
 * What the CLI says when TLS to the server ({@code --tls}, {@code --ca}) cannot be had: each
 * says what to change. {@code {0}} is the server's {@code host:port}.
 */
enum TlsText implements Bilingual {
    /** {@code {1}}: the authority named in the certificate as its issuer. */
    UNTRUSTED(
            "The Chamada server at {0} showed a certificate issued by {1}, which is not trusted here: give the"
                    + " certificate of that authority, or the server's own, with --ca FILE.",
            "O servidor Chamada em {0} apresentou um certificado emitido por {1}, que não é confiável aqui: informe"
                    + " o certificado dessa autoridade, ou o do próprio servidor, com --ca ARQUIVO."),
    /** {@code {1}}: the names the certificate holds; {@code {2}}: the host connected to. */
    WRONG_HOST(
            "The certificate of the Chamada server at {0} is for {1}, not for {2}: connect with a --host it names.",
            "O certificado do servidor Chamada em {0} é para {1}, não para {2}: conecte com um --host que ele cite."),
    NOT_TLS(
            "The Chamada server at {0} does not speak TLS on this port: leave out --tls and --ca.",
            "O servidor Chamada em {0} não fala TLS nesta porta: tire --tls e --ca."),
    FAILED(
            "The TLS handshake with the server at {0} failed: it speaks neither TLS 1.3 nor TLS 1.2, or broke off"
                    + " (--verbose shows the details).",
            "O handshake TLS com o servidor em {0} falhou: ele não fala TLS 1.3 nem TLS 1.2, ou interrompeu a"
                    + " conexão (--verbose mostra os detalhes)."),
    /** {@code {0}} here is the file, {@code {1}} why. */
    CA_UNREADABLE("Could not read --ca {0} ({1}).", "Não foi possível ler --ca {0} ({1})."),
    /** {@code {0}} here is the file. */
    CA_NOT_CERTIFICATES(
            "--ca {0} holds no PEM certificate that can be read (-----BEGIN CERTIFICATE-----): --ca takes the"
                    + " certificate(s) to trust, such as the school's authority's or the server's own.",
            "--ca {0} não contém certificado PEM legível (-----BEGIN CERTIFICATE-----): --ca recebe o(s)"
                    + " certificado(s) em que confiar, como o da autoridade da escola ou o do próprio servidor.");

    private final String en;
    private final String pt;

    TlsText(String en, String pt) {
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
