package chamada.web;

import chamada.i18n.Bilingual;

/**
 * Every sentence of the web pages, in both languages, with {@code {0}}-style placeholders.
 *
 * <p>Both languages are constructor arguments, so a missing translation does not compile;
 * {@code BilingualTextsTest} checks that none is blank and that placeholders match. The
 * product name and each language's own name ("English", "Português") are not here: they read
 * the same whatever the page's language.
 */
public enum WebText implements Bilingual {
    SKIP_TO_CONTENT("Skip to main content", "Pular para o conteúdo principal"),
    LANGUAGE("Language", "Idioma"),
    FOOTER("Chamada: the roll call of your class.", "Chamada: a lista de presença da sua turma."),
    ERROR_SUMMARY_TITLE("There is a problem", "Há um problema"),
    ERROR_PREFIX("Error:", "Erro:"),

    CLASS_PAGE_TITLE("Class {0}", "Turma {0}"),
    MATERIALS_HEADING("Materials", "Materiais"),
    MATERIALS_NONE("Your teacher has not published any material yet.", "Seu professor ainda não publicou nenhum material."),
    MATERIAL_PUBLISHED("published {0}", "publicado em {0}"),
    ASK_HEADING("Ask your teacher", "Pergunte ao professor"),
    ASK_INTRO("Your teacher reads it in the class's inbox, with the matrícula you type.",
            "Seu professor lê na caixa de entrada da turma, com a matrícula que você digitar."),
    QUESTION_LABEL("Your question", "Sua pergunta"),
    QUESTION_HINT("Up to 2,000 characters.", "Até 2.000 caracteres."),
    ANONYMOUS_LABEL("Send without my matrícula (if the class allows it)",
            "Enviar sem minha matrícula (se a turma permitir)"),
    SEND_BUTTON("Send", "Enviar"),
    MESSAGE_SENT("Message {0} delivered at {1}.", "Mensagem {0} entregue às {1}."),
    CHECK_IN_TITLE("Check in", "Registrar presença"),
    CHECK_IN_HEADING("Check in to your class", "Registre sua presença na turma"),
    CHECK_IN_INTRO("Type the numbers below, then press the button.",
            "Digite os números abaixo e toque no botão."),
    CLASS_LABEL("Class number", "Número da turma"),
    CLASS_HINT("Shown by your teacher, for example 1010.", "Mostrado pelo professor, por exemplo 1010."),
    MATRICULA_LABEL("Student number (matrícula)", "Matrícula"),
    MATRICULA_HINT("With any zeros at the start, for example 042191010.",
            "Com os zeros do início, por exemplo 042191010."),
    CODE_LABEL("Code", "Código"),
    CODE_HINT("The code your teacher shows now.", "O código que o professor mostra agora."),
    CHECK_IN_BUTTON("Check in", "Registrar presença"),
    CHECKED_IN_TITLE("Checked in", "Presença registrada"),

    TEACHER_TITLE("Teacher", "Professor"),
    LOGIN_HEADING("Log in", "Entrar"),
    NAME_LABEL("Name", "Nome"),
    SECRET_LABEL("Secret", "Senha"),
    LOGIN_BUTTON("Log in", "Entrar"),
    LOGIN_IN_CLEAR("This server has no TLS: your secret crosses the network unencrypted. Ask whoever runs it to start"
            + " it with --tls-cert and --tls-key, or behind a reverse proxy with HTTPS.",
            "Este servidor não tem TLS: sua senha atravessa a rede sem criptografia. Peça a quem o administra que o"
                    + " inicie com --tls-cert e --tls-key, ou atrás de um proxy reverso com HTTPS."),
    LOGOUT_BUTTON("Log out", "Sair"),
    OPEN_HEADING("Open a roll call", "Abrir uma chamada"),
    OPEN_ROLL_CALLS("Open roll calls", "Chamadas abertas"),
    CODE_POLICY_LABEL("Check-in code", "Código de presença"),
    POLICY_ROTATING("Rotating: a new code every few seconds on the projector", "Rotativo: um código novo a cada poucos segundos no projetor"),
    POLICY_FIXED("Fixed: one code for the whole roll call", "Fixo: um só código durante toda a chamada"),
    POLICY_NONE("None: anybody may check in, as the original", "Nenhum: qualquer um registra presença, como no original"),
    OPEN_MODE_CODES("Open mode: anybody may read a code here, so it proves nothing. Add teachers to make codes count.",
            "Modo aberto: qualquer um pode ler um código aqui, então ele não prova nada. Cadastre professores para que os códigos valham."),
    SHARED_DEVICES_LABEL("Several students may check in from one device (the class's tablets)",
            "Vários alunos podem registrar presença no mesmo aparelho (os tablets da turma)"),
    LATE_AFTER_LABEL("Late after (minutes after opening; empty: nobody is late)",
            "Atraso depois de (minutos após a abertura; vazio: ninguém se atrasa)"),
    ABSENT_COUNT("Absent: {0}", "Ausentes: {0}"),
    ACCEPT_UNKNOWN_LABEL("Accept matrículas not on the class's roster (marked as not on it)",
            "Aceitar matrículas fora da lista de alunos da turma (marcadas como fora da lista)"),
    OPEN_BUTTON("Open", "Abrir"),
    UNKNOWN_POLICY("Unknown check-in code policy \"{0}\": choose one of those listed.",
            "Política de código de presença desconhecida \"{0}\": escolha uma das listadas."),
    GO_HEADING("Go to a class", "Ir para uma turma"),
    GO_BUTTON("Go", "Ir"),
    CLASS_TITLE("Class {0}", "Turma {0}"),
    OPEN_SINCE("Roll call open since {0}.", "Chamada aberta desde {0}."),
    PRESENT_COUNT("Present: {0}", "Presentes: {0}"),
    NUMBER_COLUMN("No.", "Nº"),
    MATRICULA_COLUMN("Matrícula", "Matrícula"),
    TIME_COLUMN("Time", "Hora"),
    NAME_COLUMN("Name", "Nome"),
    NOT_ON_ROSTER("(not on the roster)", "(fora da lista de alunos)"),
    ROSTER_LINK("Roster", "Lista de alunos"),
    AUDIT_LINK("Corrections and their audit", "Correções e sua auditoria"),
    REPORT_LINK("Attendance report", "Relatório de frequência"),
    REPORT_TITLE("Attendance report of class {0}", "Relatório de frequência da turma {0}"),
    REPORT_RULE("Rate = (present + late) / (roll calls − excused), over {0} closed roll calls.",
            "Frequência = (presente + atrasado) / (chamadas − justificadas), em {0} chamadas encerradas."),
    REPORT_NONE("No closed roll call in this period.", "Nenhuma chamada encerrada neste período."),
    REPORT_FROM("From", "De"),
    REPORT_TO("To", "Até"),
    REPORT_BUTTON("Show", "Mostrar"),
    CHART_HEADING("Attendance per roll call", "Frequência por chamada"),
    CHART_BAR("{0}, roll call {1}: {2} ({3} present, {4} late, {5} excused, {6} absent)",
            "{0}, chamada {1}: {2} ({3} presentes, {4} atrasados, {5} justificados, {6} ausentes)"),
    PRESENT_STATUS_COLUMN("Present", "Presente"),
    LATE_COLUMN("Late", "Atrasado"),
    EXCUSED_COLUMN("Excused", "Justificado"),
    ABSENT_COLUMN("Absent", "Ausente"),
    RATE_COLUMN("Rate", "Frequência"),
    TOTALS_ROW("Class", "Turma"),
    AUDIT_TITLE("Corrections of class {0}", "Correções da turma {0}"),
    MARK_HEADING("Correct a student's status", "Corrigir a situação de um aluno"),
    MARK_HINT("In the class's latest roll call, open or closed (a closed one for a few days after its close)."
            + " Adding a student who forgot to check in is a correction to present.",
            "Na chamada mais recente da turma, aberta ou encerrada (encerrada, por alguns dias depois do"
                    + " encerramento). Incluir um aluno que esqueceu de registrar presença é uma correção para presente."),
    STATUS_LABEL("Status", "Situação"),
    REASON_LABEL("Reason", "Motivo"),
    MARK_BUTTON("Save the correction", "Salvar a correção"),
    MARKED("{0} is now {1} in roll call {2} (was {3}).", "{0} agora está {1} na chamada {2} (estava {3})."),
    NO_STATUS("without a status", "sem situação"),
    MARK_FIELDS_MISSING("Fill in the matrícula, the status and the reason.",
            "Preencha a matrícula, a situação e o motivo."),
    AUDIT_HEADING("Every correction, oldest first", "Todas as correções, da mais antiga à mais recente"),
    AUDIT_NONE("Nobody has corrected a status in this class.", "Ninguém corrigiu uma situação nesta turma."),
    WHEN_COLUMN("When", "Quando"),
    ROLL_CALL_COLUMN("Roll call", "Chamada"),
    CHANGE_COLUMN("Change", "Alteração"),
    ROSTER_TITLE("Roster of class {0}", "Lista de alunos da turma {0}"),
    ROSTER_COUNT("{0} students", "{0} alunos"),
    ROSTER_NONE("No roster: any matrícula may check in.", "Sem lista de alunos: qualquer matrícula pode registrar presença."),
    ROSTER_UPLOAD_HEADING("Import a roster", "Importar uma lista de alunos"),
    ROSTER_UPLOAD_HINT("A CSV file in UTF-8 with the header matricula,name (or matricula;nome, as a spreadsheet saves it)."
            + " It becomes the whole roster: students not in it are taken off.",
            "Um arquivo CSV em UTF-8 com o cabeçalho matricula,name (ou matricula;nome, como a planilha salva)."
                    + " Ele passa a ser a lista inteira: quem não está nele sai da lista."),
    ROSTER_FILE_LABEL("CSV file", "Arquivo CSV"),
    ROSTER_SKIP_BAD_LABEL("Import the good lines even if some are bad", "Importar as linhas boas mesmo que algumas tenham problema"),
    ROSTER_UPLOAD_BUTTON("Import", "Importar"),
    ROSTER_IMPORTED("Imported: {0} students ({1} added, {2} renamed, {3} removed).",
            "Importada: {0} alunos ({1} incluídos, {2} renomeados, {3} retirados)."),
    ROSTER_SKIPPED("{0} bad line(s) were left out:", "{0} linha(s) com problema ficaram de fora:"),
    ROSTER_BAD_LINES("Nothing was imported: {0} line(s) cannot be read. Fix them, or tick the box to import the others.",
            "Nada foi importado: {0} linha(s) não podem ser lidas. Corrija-as, ou marque a caixa para importar as outras."),
    ROSTER_NO_FILE("Choose a CSV file to import.", "Escolha um arquivo CSV para importar."),
    ROSTER_NO_STUDENTS("The file has no student to import.", "O arquivo não tem nenhum aluno para importar."),
    PROJECTOR_LINK("Show on the projector", "Mostrar no projetor"),
    CLOSE_BUTTON("Close the roll call", "Encerrar a chamada"),
    HISTORY_LINK("History", "Histórico"),
    CSV_LINK("Download the CSV of every closed roll call", "Baixar o CSV de todas as chamadas encerradas"),
    BACK_TO_TEACHER("Back to the teacher's page", "Voltar à página do professor"),
    CLOSED_HEADING("Roll call of class {0} closed at {1}.", "Chamada da turma {0} encerrada em {1}."),
    HISTORY_TITLE("History of class {0}", "Histórico da turma {0}"),
    OPENED_COLUMN("Opened", "Aberta"),
    CLOSED_COLUMN("Closed", "Encerrada"),
    CLOSED_BY_SERVER("{0}, by the server: nobody closed it in time", "{0}, pelo servidor: ninguém a encerrou a tempo"),
    TEACHER_COLUMN("Teacher", "Professor"),
    COUNT_COLUMN("Present", "Presentes"),
    NONE_YET("Nobody yet.", "Ninguém ainda."),
    PROJECTOR_TITLE("Roll call of class {0}", "Chamada da turma {0}"),
    PROJECTOR_CODE("Code", "Código"),
    PROJECTOR_NO_CODE("No code needed", "Sem código"),
    PROJECTOR_SCAN("Scan the QR code, or open {0} and type the code.", "Escaneie o QR code, ou abra {0} e digite o código."),
    PROJECTOR_NEXT("New code in {0} s", "Novo código em {0} s"),
    PROJECTOR_LATEST("Latest arrivals", "Últimas chegadas"),
    SEE_THE_LIST("See who was present, on the teacher's page", "Ver quem estava presente, na página do professor"),
    ALERT_WRONG_CODES("{0} wrong codes in the last 10 minutes: somebody may be guessing the code.",
            "{0} códigos errados nos últimos 10 minutos: alguém pode estar tentando adivinhar o código."),
    ALERT_DEVICES("{0} phones tried to check in more than one student.",
            "{0} celulares tentaram registrar a presença de mais de um aluno."),
    LOCAL_ONLY_TITLE("Only on the server's machine", "Só na máquina do servidor"),
    CHECK_IN_AGAIN("Check in to another class", "Registrar presença em outra turma"),

    ERROR_STATUS("Error {0}", "Erro {0}"),
    ERROR_START_LINK("Go to the check-in page", "Ir para a página de presença"),
    BAD_REQUEST_TITLE("The request could not be understood", "O pedido não pôde ser entendido"),
    BAD_REQUEST_TEXT("Your browser sent something this server cannot read. Go back and try again.",
            "Seu navegador enviou algo que este servidor não consegue ler. Volte e tente novamente."),
    FORBIDDEN_TITLE("This page is not open to you", "Esta página não está aberta para você"),
    FORBIDDEN_TEXT("Start again from the check-in page.", "Comece de novo pela página de presença."),
    NOT_FOUND_TITLE("Page not found", "Página não encontrada"),
    NOT_FOUND_TEXT("If you typed the address, check that it is right. If you followed a link or a QR code,"
            + " ask your teacher for the right one.",
            "Se você digitou o endereço, confira se está certo. Se seguiu um link ou um QR code, peça ao"
                    + " professor o endereço certo."),
    METHOD_NOT_ALLOWED_TITLE("This page cannot do that", "Esta página não faz isso"),
    METHOD_NOT_ALLOWED_TEXT("The page exists, but does not answer a {0} request. Start again from the check-in page.",
            "A página existe, mas não atende um pedido {0}. Comece de novo pela página de presença."),
    TOO_LARGE_TITLE("What you sent is too large", "O que você enviou é grande demais"),
    TOO_LARGE_TEXT("This server accepts at most {0} bytes in one request.",
            "Este servidor aceita no máximo {0} bytes por pedido."),
    URI_TOO_LONG_TITLE("The address is too long", "O endereço é longo demais"),
    URI_TOO_LONG_TEXT("This server accepts at most {0} bytes of address and headers. Check the address.",
            "Este servidor aceita no máximo {0} bytes de endereço e cabeçalhos. Confira o endereço."),
    HEADERS_TOO_LARGE_TITLE("Your browser sent too much information", "Seu navegador enviou informação demais"),
    HEADERS_TOO_LARGE_TEXT("This server accepts at most {0} bytes of headers. Deleting this site's cookies may help.",
            "Este servidor aceita no máximo {0} bytes de cabeçalhos. Apagar os cookies deste site pode ajudar."),
    INTERNAL_TITLE("Sorry, something went wrong on the server", "Desculpe, algo deu errado no servidor"),
    INTERNAL_TEXT("Try again in a moment. If it happens again, tell your teacher.",
            "Tente novamente em instantes. Se acontecer de novo, avise o professor."),
    NOT_READY_TITLE("Not ready yet", "Ainda não está pronto"),
    NOT_READY_TEXT("This part of Chamada does not work on this server yet.",
            "Esta parte da Chamada ainda não funciona neste servidor."),
    UNAVAILABLE_TITLE("The server cannot answer now", "O servidor não pode atender agora"),
    UNAVAILABLE_TEXT("It may be stopping or starting. Try again in a moment.",
            "Ele pode estar sendo desligado ou ligado. Tente novamente em instantes."),
    OTHER_ERROR_TITLE("Something went wrong", "Algo deu errado"),
    OTHER_ERROR_TEXT("The server answered with status {0}. Go back and try again.",
            "O servidor respondeu com o código {0}. Volte e tente novamente.");

    private final String en;
    private final String pt;

    WebText(String en, String pt) {
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
