package chamada.protocol.legacy;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;

/**
 * Every text the legacy ports send, with {@code {0}}-style placeholders.
 *
 * <p>Portuguese only, unlike the native texts: the seeds' clients print what they receive and
 * have no way to ask for a language. The first five are the seed server's replies, byte for
 * byte; the others are ours, for what the seed's server crashed on or never had to say.
 */
public enum LegacyText {
    // The seed's replies (000, service.py), the not-open one joined onto one line as in the real file.
    OPENED("A chamada da turma {0} foi ativada em {1}!"),
    CLOSED("A chamada da turma {0} foi encerrada em {1}! Os seguintes alunos registraram presença: {2}"),
    REGISTERED("Presença registrada com sucesso na turma {0} em {1}!"),
    ALREADY_REGISTERED("Você já registrou sua presença nesta turma!"),
    NOT_OPEN("Esta turma não está com presença ativa. Solicitação rejeitada em {0}"),

    // Roll call: refusals the seed never had, in the shape of its not-open one.
    CODE_REQUIRED("A chamada desta turma pede o código de presença mostrado na sala, que este programa não sabe"
            + " enviar; registre a presença pelo celular ou com o chamada (chamada student checkin --code)."
            + " Solicitação rejeitada em {0}"),
    REFUSED("{0} Solicitação rejeitada em {1}"),

    // Roll call: bad messages. The connection keeps being served.
    NO_COMMA("Mensagem sem vírgula: \"{0}\". Envie <turma>,teacher (professor) ou <matrícula>/<turma>,student (aluno)."),
    UNKNOWN_CLIENT("Tipo de cliente desconhecido: \"{0}\". Use teacher (professor) ou student (aluno),"
            + " como em 1010,teacher ou 42191010/1010,student."),
    NO_SLASH("Mensagem de aluno sem barra: \"{0}\". Envie <matrícula>/<turma>,student, como em 42191010/1010,student."),
    NOT_UTF8("A mensagem não é um texto UTF-8 válido; nada foi feito."),
    TOO_LONG("Mensagem com mais de {0} bytes; a conexão será encerrada."),

    // The message port (the Tech with Tim framing).
    BAD_HEADER("Cabeçalho inválido: os primeiros 64 bytes devem ser o tamanho da mensagem em dígitos ASCII,"
            + " completados com espaços; recebido \"{0}\". A conexão será encerrada."),
    MESSAGE_TOO_LONG("Mensagem de {0} bytes; o limite é {1}. A conexão será encerrada."),
    MESSAGE_TOO_SLOW("Uma mensagem não chegou inteira em {0}; a conexão foi encerrada e nada mais foi"
            + " processado. Abra o programa de novo para continuar."),

    // The file port.
    BAD_CHOICE("Opção inválida: \"{0}\". Escolha um número de 0 a {1}. A conexão será encerrada."),
    NO_FILES("Opção inválida: \"{0}\". Não há arquivos para baixar. A conexão será encerrada."),
    FILE_TOO_BIG("O arquivo {0} tem mais de {1} bytes e não pode ser enviado. A conexão será encerrada."),
    FILE_NOT_TEXT("O arquivo {0} não é um texto UTF-8 e não pode ser enviado. A conexão será encerrada."),
    FILE_GONE("O arquivo {0} não está mais disponível. A conexão será encerrada."),

    // Every legacy port.
    IDLE("Nenhuma mensagem em {0}; a conexão foi encerrada e nada mais foi processado."
            + " Abra o programa de novo para continuar."),
    SHUTTING_DOWN("O servidor está sendo desligado; a conexão foi encerrada. Tente novamente em instantes."),
    TOO_MANY_CONNECTIONS("Conexões demais a partir do seu endereço (limite {0}); tente novamente mais tarde."),
    INTERNAL("Erro interno do servidor; o pedido pode não ter sido concluído.");

    private final String pattern;

    LegacyText(String pattern) {
        this.pattern = pattern;
    }

    public String pattern() {
        return pattern;
    }

    /** The text with {@code args} in its placeholders, each as {@link String#valueOf} gives it. */
    public String format(Object... args) {
        if (args.length == 0) {
            return pattern;
        }
        // Plain strings first: MessageFormat would print class 1010 as "1.010".
        Object[] texts = Arrays.stream(args).map(String::valueOf).toArray();
        return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(texts);
    }
}
