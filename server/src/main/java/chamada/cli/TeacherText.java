package chamada.cli;

import chamada.i18n.Bilingual;

/** What {@code chamada teacher} and its interactive mode say to a teacher. */
enum TeacherText implements Bilingual {
    OPENED("Roll call of class {0} opened at {1}.", "Chamada da turma {0} aberta em {1}."),
    CODE_ROTATING("Check-in code: {0} (changes at {1}; \"chamada teacher status {2}\" shows the current one).",
            "Código de presença: {0} (muda às {1}; \"chamada teacher status {2}\" mostra o atual)."),
    ALERT_WRONG_CODES("{0} in the last 10 minutes: somebody may be guessing the code.",
            "{0} nos últimos 10 minutos: alguém pode estar tentando adivinhar o código."),
    ALERT_SLOWED("So many wrong codes that check-ins from the addresses sending them now wait their turn, a few per second; the others go straight in.",
            "Tantos códigos errados que as tentativas dos endereços que os enviam agora esperam sua vez, algumas por segundo; as demais entram direto."),
    ALERT_DEVICES("{0} phones tried to check in more than one student.",
            "{0} celulares tentaram registrar a presença de mais de um aluno."),
    BAD_CODE_POLICY("--code-policy {0} is not a code policy: use rotating, fixed or none.",
            "--code-policy {0} não é uma política de código: use rotating, fixed ou none."),
    CODE_FIXED("Check-in code: {0} (the same for the whole roll call).",
            "Código de presença: {0} (o mesmo durante toda a chamada)."),
    CLOSED("Roll call of class {0} closed at {1}. Present ({2}):",
            "Chamada da turma {0} encerrada em {1}. Presentes ({2}):"),
    STATUS("Roll call of class {0} open since {1}, by {2}. Present so far ({3}):",
            "Chamada da turma {0} aberta desde {1}, por {2}. Presentes até agora ({3}):"),
    STATUS_OPEN_MODE("Roll call of class {0} open since {1}. Present so far ({2}):",
            "Chamada da turma {0} aberta desde {1}. Presentes até agora ({2}):"),
    NOBODY("(nobody)", "(ninguém)"),
    NOT_ON_ROSTER("(not on the roster)", "(fora da lista de alunos)"),
    MARKED("{0} is now {1} in roll call {2} of class {3} (was {4}).",
            "{0} agora está {1} na chamada {2} da turma {3} (estava {4})."),
    NO_STATUS("without a status", "sem situação"),
    AUDIT("Changes to the roll calls of class {0} ({1}):", "Alterações nas chamadas da turma {0} ({1}):"),
    AUDIT_EMPTY("Nobody has changed a status in class {0}.", "Ninguém alterou uma situação na turma {0}."),
    AUDIT_LINE("{0}  roll call {1}  {2}: {3} -> {4}, by {5}: {6}", "{0}  chamada {1}  {2}: {3} -> {4}, por {5}: {6}"),
    BAD_LATE_COUNTS_AS("--late-counts-as {0} is not one: use present or absent.",
            "--late-counts-as {0} não é uma opção: use present ou absent."),
    BAD_DATE("{0} {1} is not a date: write it as YYYY-MM-DD, e.g. 2026-12-01.",
            "{0} {1} não é uma data: escreva como AAAA-MM-DD, por exemplo 2026-12-01."),
    REPORT("Attendance in class {0}, {1} roll call(s){2}. Rate = (present + late) / (roll calls - excused){3}.",
            "Frequência na turma {0}, {1} chamada(s){2}. Taxa = (presentes + atrasados) / (chamadas - justificadas){3}."),
    BAD_PERIOD("--from {0} is after --to {1}: the period would hold no day.",
            "--from {0} é posterior a --to {1}: o período não teria nenhum dia."),
    XLSX_NOT_STDOUT("--xlsx takes a file name: a workbook is not text for the terminal.",
            "--xlsx recebe um nome de arquivo: uma planilha não é texto para o terminal."),
    REPORT_PERIOD(" from {0} to {1}", " de {0} a {1}"),
    REPORT_LATE_AS_ABSENT("; late counts as absent", "; atraso conta como falta"),
    REPORT_COLUMNS("Matrícula|Name|Present|Late|Excused|Absent|Rate", "Matrícula|Nome|Presente|Atrasado|Justificado|Ausente|Taxa"),
    REPORT_TOTAL("Total", "Total"),
    REPORT_WRITTEN("Report written to {0}.", "Relatório gravado em {0}."),
    BAD_STATUS("{0} is not a status: use present, late, excused or absent.",
            "{0} não é uma situação: use presente, atrasado, justificado ou ausente (ou present, late, excused,"
                    + " absent)."),
    MARKED_WITHOUT_CHECK_IN("Marked by a teacher, without a check-in ({0}):",
            "Marcados por um professor, sem registro de presença ({0}):"),
    ABSENT("Absent ({0}):", "Ausentes ({0}):"),
    LATE_AFTER("Check-ins after {0} ({1} after the opening) count as late.",
            "Presenças depois das {0} ({1} após a abertura) contam como atraso."),
    DEFAULT_LATE_AFTER("Class {0}: check-ins more than {1} after the opening are late, unless a roll call is"
            + " opened with its own --late-after.",
            "Turma {0}: presenças mais de {1} depois da abertura são atrasos, a não ser que a chamada seja"
                    + " aberta com seu próprio --late-after."),
    NO_DEFAULT_LATE_AFTER("Class {0} has no default lateness: nobody is late unless a roll call is opened with"
            + " --late-after.",
            "A turma {0} não tem atraso padrão: ninguém se atrasa, a não ser que a chamada seja aberta com"
                    + " --late-after."),
    BAD_LATE_AFTER("--late-after {0} is not a number of minutes from 0 to 720.",
            "--late-after {0} não é um número de minutos de 0 a 720."),
    ROSTER("Roster of class {0} ({1} students):", "Lista de alunos da turma {0} ({1} alunos):"),
    ROSTER_EMPTY("Class {0} has no roster: any matrícula may check in.",
            "A turma {0} não tem lista de alunos: qualquer matrícula pode registrar presença."),
    ROSTER_IMPORTED("Roster of class {0}: {1} students ({2} added, {3} renamed, {4} removed).",
            "Lista de alunos da turma {0}: {1} alunos ({2} incluídos, {3} renomeados, {4} retirados)."),
    ROSTER_BAD_LINES("{0} has {1} line(s) that cannot be read:",
            "{0} tem {1} linha(s) que não podem ser lidas:"),
    ROSTER_NOTHING_IMPORTED("Nothing was imported. Fix the lines above, or add --skip-bad to import the other {0}.",
            "Nada foi importado. Corrija as linhas acima, ou acrescente --skip-bad para importar as outras {0}."),
    ROSTER_SKIPPED("Skipped {0} bad line(s) (--skip-bad).", "{0} linha(s) com problema ignorada(s) (--skip-bad)."),
    ROSTER_NO_STUDENTS("{0} has no student to import. To remove the roster of class {1}: chamada teacher roster"
            + " clear {1}",
            "{0} não tem nenhum aluno para importar. Para retirar a lista de alunos da turma {1}: chamada teacher"
                    + " roster clear {1}"),
    ROSTER_UNREADABLE("Cannot read {0}: {1}", "Não foi possível ler {0}: {1}"),
    ROSTER_CLEARED("Class {0} has no roster now: any matrícula may check in.",
            "A turma {0} agora não tem lista de alunos: qualquer matrícula pode registrar presença."),
    HISTORY("Closed roll calls of class {0} ({1}):", "Chamadas encerradas da turma {0} ({1}):"),
    HISTORY_LINE("{0}. {1} to {2}, by {3}: {4} present (roll call {5})",
            "{0}. {1} a {2}, por {3}: {4} presentes (chamada {5})"),
    HISTORY_LINE_OPEN_MODE("{0}. {1} to {2}: {3} present (roll call {4})", "{0}. {1} a {2}: {3} presentes (chamada {4})"),
    HISTORY_CLOSED_BY_SERVER(" (closed by the server: nobody closed it within --auto-close-after)",
            " (encerrada pelo servidor: ninguém a encerrou dentro de --auto-close-after)"),
    BAD_CSV_SEPARATOR("--csv-separator {0} is not one: write , or ; (between quotes in the shell: ';').",
            "--csv-separator {0} não é um separador: escreva , ou ; (entre aspas no shell: ';')."),
    HISTORY_EMPTY("Class {0} has no closed roll call yet.", "A turma {0} ainda não tem chamada encerrada."),
    EXPORTED("Exported {0} roll call(s) of class {1}, {2} check-in(s), to {3}.",
            "Exportada(s) {0} chamada(s) da turma {1}, {2} presença(s), para {3}."),
    ADDED("Teacher {0} added to {1}.", "Professor {0} adicionado a {1}."),
    BANNER("""
            ---------------[WELCOME]--------------------
            Hello, teacher! Welcome to the Chamada roll-call system.
            Server: {0}    Teacher: {1}
            Type a class number to open its roll call; the same number again closes it
            and shows who is present. status N shows the list; help shows all commands;
            an empty line, sair or quit leaves.
            --------------------------------------------""", """
            ---------------[BEM-VINDO]------------------
            Olá, professor(a)! Bem-vindo(a) ao sistema de registro de presença.
            Servidor: {0}    Professor: {1}
            Digite o número da turma para abrir a chamada; o mesmo número de novo encerra
            a chamada e mostra os presentes. status N mostra a lista; ajuda mostra todos
            os comandos; uma linha vazia, sair ou quit sai.
            --------------------------------------------"""),
    NO_LOGIN("(no login)", "(sem login)"),
    PROMPT("class> ", "turma> "),
    HELP("""
            Commands:
              N            open the roll call of class N, or close it if it is open
              status N     who has checked in to class N so far
              open N       open the roll call of class N
              close N      close the roll call of class N and show who is present
              history N    the closed roll calls of class N
              help         this list
              quit         leave (so do sair and an empty line)""", """
            Comandos:
              N            abre a chamada da turma N, ou encerra se estiver aberta
              status N     quem já registrou presença na turma N
              abrir N      abre a chamada da turma N
              encerrar N   encerra a chamada da turma N e mostra os presentes
              historico N  as chamadas encerradas da turma N
              ajuda        esta lista
              sair         sai (linha vazia e quit também)"""),
    UNKNOWN_INPUT("Did not understand \"{0}\". Type help for the commands.",
            "Não entendi \"{0}\". Digite ajuda para ver os comandos."),
    STILL_OPEN("Note: the roll call of class(es) {0} is still open on the server.",
            "Atenção: a chamada da(s) turma(s) {0} continua aberta no servidor."),
    BYE("Goodbye!", "Até logo!");

    private final String en;
    private final String pt;

    TeacherText(String en, String pt) {
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
