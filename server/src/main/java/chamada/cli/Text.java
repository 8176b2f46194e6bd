package chamada.cli;

import chamada.i18n.Bilingual;

/**
 * The CLI's texts shared by all commands: connection problems, usage hints, secrets,
 * files. Teacher, student and server screens have their own enums.
 */
enum Text implements Bilingual {
    CONNECT_FAILED(
            "Could not connect to the Chamada server at {0} ({1}). Is the server running?",
            "Não foi possível conectar ao servidor Chamada em {0} ({1}). O servidor está rodando?"),
    CONNECTION_LOST(
            "The connection to the Chamada server at {0} was lost ({1}); the last request may not have been done.",
            "A conexão com o servidor Chamada em {0} caiu ({1}); o último pedido pode não ter sido feito."),
    NOT_CHAMADA(
            "The program at {0} does not answer like a Chamada server.",
            "O programa em {0} não responde como um servidor Chamada."),
    REASON_REFUSED("connection refused", "conexão recusada"),
    REASON_TIMEOUT("no answer within {0}", "sem resposta em {0}"),
    REASON_UNKNOWN_HOST("unknown host", "endereço desconhecido"),
    REASON_NO_ROUTE("no route to host", "sem rota até o endereço"),
    REASON_DROPPED("connection dropped", "conexão interrompida"),
    AUTH_REQUIRED(
            "This server requires a teacher login: give --name NAME (and --secret, or set CHAMADA_SECRET).",
            "Este servidor exige login de professor: informe --name NOME (e --secret, ou defina CHAMADA_SECRET)."),
    USAGE_HINT("See '{0} --help'.", "Veja '{0} --help'."),
    SECRET_PROMPT("Secret for {0}: ", "Senha de {0}: "),
    SECRET_AGAIN("The same secret again: ", "Repita a senha: "),
    SECRETS_DIFFER("The two secrets differ; nothing was changed.", "As duas senhas são diferentes; nada foi alterado."),
    NO_SECRET(
            "No secret for teacher {0}: give --secret, set CHAMADA_SECRET, or run in a terminal to type it.",
            "Nenhuma senha para o professor {0}: informe --secret, defina CHAMADA_SECRET ou rode num terminal para digitá-la."),
    FILE_WRITE_FAILED("Could not write {0} ({1}).", "Não foi possível gravar {0} ({1})."),
    FILE_READ_FAILED("Could not read {0} ({1}).", "Não foi possível ler {0} ({1})."),
    FILE_MISSING("no such file or directory", "arquivo ou diretório inexistente"),
    FILE_DENIED("permission denied", "permissão negada"),
    FILE_NOT_UTF8("not UTF-8 text", "não é texto UTF-8"),
    INTERNAL_ERROR(
            "Unexpected error: {0}. Run again with --verbose to see the details.",
            "Erro inesperado: {0}. Rode de novo com --verbose para ver os detalhes.");

    private final String en;
    private final String pt;

    Text(String en, String pt) {
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
