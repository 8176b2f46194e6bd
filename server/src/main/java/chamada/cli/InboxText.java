package chamada.cli;

import chamada.i18n.Bilingual;

/** What the CLI says about class messages: a student's sending, a teacher's inbox and watch. */
enum InboxText implements Bilingual {
    SENT("Message {0} delivered to class {1} at {2}.", "Mensagem {0} entregue à turma {1} às {2}."),
    TYPE_MESSAGES("Type one message per line for class {0}; an empty line or end of input (Ctrl-D) ends.",
            "Digite uma mensagem por linha para a turma {0}; uma linha vazia ou o fim da entrada (Ctrl-D) encerra."),
    NEEDS_SENDER("Say who writes: --matricula MATRICULA, or --anonymous where the class takes anonymous messages.",
            "Diga quem escreve: --matricula MATRICULA, ou --anonymous onde a turma aceita mensagens anônimas."),
    INBOX("Messages of class {0} ({1}, {2} unread):", "Mensagens da turma {0} ({1}, {2} não lidas):"),
    INBOX_EMPTY("Class {0} has no messages.", "A turma {0} não tem mensagens."),
    INBOX_NO_UNREAD("Class {0} has no unread messages.", "A turma {0} não tem mensagens não lidas."),
    INBOX_LINE("#{0}  {1}  {2}{3}", "#{0}  {1}  {2}{3}"),
    ANONYMOUS_SENDER("anonymous", "anônima"),
    UNREAD_MARK("  (new)", "  (nova)"),
    MARKED_READ("{0} message(s) marked read.", "{0} mensagem(ns) marcada(s) como lida(s)."),
    ANONYMOUS_ON("Class {0} takes anonymous messages.", "A turma {0} aceita mensagens anônimas."),
    ANONYMOUS_OFF("Class {0} takes messages only with a matrícula.", "A turma {0} só aceita mensagens com matrícula."),
    BAD_ON_OFF("{0} is neither on nor off.", "{0} não é on nem off."),
    WATCHING("Watching class {0}; Ctrl-C ends. {1}", "Acompanhando a turma {0}; Ctrl-C encerra. {1}"),
    WATCH_OPEN("Roll call open, {0} present.", "Chamada aberta, {0} presentes."),
    WATCH_NOT_OPEN("No roll call open.", "Nenhuma chamada aberta."),
    EVENT_OPENED("{0}  roll call opened", "{0}  chamada aberta"),
    EVENT_CHECKED_IN("{0}  present: {1}  ({2} present)", "{0}  presente: {1}  ({2} presentes)"),
    EVENT_REPLACED("{0}  present: {1}, in place of {2}  ({3} present)",
            "{0}  presente: {1}, no lugar de {2}  ({3} presentes)"),
    EVENT_CLOSED("{0}  roll call closed: {1} present", "{0}  chamada encerrada: {1} presentes"),
    EVENT_MARKED("{0}  {1} is now {2} (roll call {3})", "{0}  {1} agora está {2} (chamada {3})"),
    EVENT_MESSAGE("{0}  message #{1} from {2}:", "{0}  mensagem #{1} de {2}:"),
    EVENT_SHOWN("{0}  the question screen shows message #{1}", "{0}  a tela de perguntas mostra a mensagem #{1}"),
    EVENT_SHOWN_NONE("{0}  the question screen shows no message", "{0}  a tela de perguntas não mostra mensagem"),
    SHOWN("Class {0}'s question screen shows message #{1}, without its sender:",
            "A tela de perguntas da turma {0} mostra a mensagem #{1}, sem o remetente:"),
    SHOWN_NONE("Class {0}'s question screen shows no message.", "A tela de perguntas da turma {0} não mostra mensagem.");

    private final String en;
    private final String pt;

    InboxText(String en, String pt) {
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
