package chamada.error;

import chamada.i18n.Bilingual;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every refusal and error Chamada can report, with its stable wire name, whether the
 * connection stays open after it, and its text in both languages.
 *
 * <p>The wire name is part of the protocol: integrators branch on it, so a name never
 * changes meaning. Texts may be improved freely.
 */
public enum ErrorCode implements Bilingual {
    BAD_JSON(true,
            "The line starts like JSON but is not a valid JSON object (the problem is at character {0}).",
            "A linha começa como JSON mas não é um objeto JSON válido (o problema está no caractere {0})."),
    BAD_ENCODING(true,
            "The line is not valid UTF-8 text.",
            "A linha não é um texto UTF-8 válido."),
    UNKNOWN_COMMAND(true,
            "Unknown command \"{0}\". Send help for the list of commands.",
            "Comando desconhecido \"{0}\". Envie help para ver a lista de comandos."),
    WRONG_ARGUMENTS(true,
            "Wrong number of words for {0}; type it as: {1}",
            "Número errado de palavras para {0}; digite assim: {1}"),
    INVALID_FIELD(true,
            "Invalid field {0}: \"{1}\". Expected {2}.",
            "Campo {0} inválido: \"{1}\". Esperado: {2}."),
    MISSING_FIELD(true,
            "Missing field {0}. Expected {1}.",
            "Falta o campo {0}. Esperado: {1}."),
    NOT_HTTP(false,
            "This is Chamada's native port, which does not speak HTTP: the web pages are on the web port. Closing the"
                    + " connection.",
            "Esta é a porta nativa do Chamada, que não fala HTTP: as páginas web estão na porta web. A conexão será"
                    + " encerrada."),
    TLS_REQUIRED(false,
            "This port speaks TLS only, so that passwords do not cross the network in clear: connect with TLS"
                    + " (chamada ... --tls, or --ca FILE for a certificate of the school's own). Closing the connection.",
            "Esta porta só fala TLS, para que as senhas não atravessem a rede às claras: conecte com TLS"
                    + " (chamada ... --tls, ou --ca ARQUIVO para um certificado da própria escola). A conexão será"
                    + " encerrada."),
    TLS_NOT_OFFERED(false,
            "This port does not speak TLS: connect without it. Closing the connection.",
            "Esta porta não fala TLS: conecte sem ele. A conexão será encerrada."),
    LINE_TOO_LONG(false,
            "Request line longer than {0} bytes; closing the connection.",
            "Linha de pedido com mais de {0} bytes; a conexão será encerrada."),
    IDLE_TIMEOUT(false,
            "No request for {0}; closing the connection.",
            "Nenhum pedido em {0}; a conexão será encerrada."),
    REQUEST_TOO_SLOW(false,
            "A request line took more than {0} to arrive; closing the connection.",
            "Uma linha de pedido levou mais de {0} para chegar; a conexão será encerrada."),
    TOO_MANY_CONNECTIONS(false,
            "Too many connections from your address (limit {0}); try again later.",
            "Conexões demais a partir do seu endereço (limite {0}); tente novamente mais tarde."),
    WATCH_TOO_SLOW(false,
            "This connection fell more than {0} events behind the classes it watches, so it is closed; connect and"
                    + " watch again (the status shows where things are now).",
            "Esta conexão ficou mais de {0} eventos atrás das turmas que acompanha, então foi encerrada; conecte e"
                    + " acompanhe de novo (o status mostra a situação atual)."),
    SHUTTING_DOWN(false,
            "The server is shutting down; try again in a moment.",
            "O servidor está sendo desligado; tente novamente em instantes."),
    AUTH_REQUIRED(true,
            "Only an authenticated teacher may do this: send login NAME SECRET first.",
            "Somente um professor autenticado pode fazer isso: envie login NOME SENHA antes."),
    AUTH_FAILED(true,
            "Unknown teacher or wrong secret.",
            "Professor desconhecido ou senha incorreta."),
    TOKEN_INVALID(true,
            "The session token is not valid, or has expired; log in with your name and secret.",
            "O token de sessão não é válido ou expirou; entre com seu nome e sua senha."),
    OPEN_MODE_LOCAL_ONLY(true,
            "This server has no teachers file (open mode), so the teacher's pages and API answer only on the"
                    + " server's own machine. To use them from elsewhere, add teachers with"
                    + " \"chamada teacher add NAME --teachers FILE\" and start the server with --teachers FILE.",
            "Este servidor não tem arquivo de professores (modo aberto), então as páginas e a API do professor"
                    + " só respondem na própria máquina do servidor. Para usá-las de outro lugar, cadastre"
                    + " professores com \"chamada teacher add NOME --teachers ARQUIVO\" e inicie o servidor com"
                    + " --teachers ARQUIVO."),
    LOGIN_BUSY(true,
            "The server is busy checking other logins; try again in a few seconds.",
            "O servidor está ocupado verificando outros logins; tente novamente em alguns segundos."),
    TOO_MANY_LOGINS(true,
            "Too many wrong secrets from this address lately, for this name or for many; try again in {0}.",
            "Senhas erradas demais deste endereço nos últimos minutos, para este nome ou para muitos; tente novamente em {0}."),
    ALREADY_OPEN(true,
            "The roll call of class {0} is already open (since {1}).",
            "A chamada da turma {0} já está aberta (desde {1})."),
    NOT_OPEN(true,
            "The roll call of class {0} is not open.",
            "A chamada da turma {0} não está aberta."),
    CODE_REQUIRED(true,
            "The roll call of class {0} asks for the check-in code shown in the classroom; type it too.",
            "A chamada da turma {0} pede o código de presença mostrado na sala; digite-o também."),
    WRONG_CODE(true,
            "That is not the check-in code of class {0} now (it changes every few seconds); type the one shown in the classroom.",
            "Esse não é o código de presença da turma {0} agora (ele muda a cada poucos segundos); digite o que aparece na sala."),
    TOO_MANY_ATTEMPTS(true,
            "Too many wrong codes; try again in {0}.",
            "Códigos errados demais; tente novamente em {0}."),
    DEVICE_ALREADY_USED(true,
            "This device already checked in another student in class {0}; each student checks in from their own device.",
            "Este aparelho já registrou a presença de outro aluno na turma {0}; cada aluno registra a presença no próprio aparelho."),
    NETWORK_NOT_ALLOWED(true,
            "Check-ins are accepted only from the school's network; connect to it and try again.",
            "A presença só é aceita pela rede da escola; conecte-se a ela e tente novamente."),
    NOT_IN_ROSTER(true,
            "Matrícula {0} is not on the roster of class {1}: check the number you typed, or ask your teacher.",
            "A matrícula {0} não está na lista de alunos da turma {1}: confira o número digitado ou fale com seu"
                    + " professor."),
    MESSAGE_TOO_LONG(true,
            "A message holds at most {0} characters; this one has {1}. Nothing was sent: shorten it and send it again.",
            "Uma mensagem tem no máximo {0} caracteres; esta tem {1}. Nada foi enviado: encurte-a e envie de novo."),
    TOO_MANY_MESSAGES(true,
            "Too many messages in a short time; wait {0} and send it again.",
            "Mensagens demais em pouco tempo; espere {0} e envie de novo."),
    ANONYMOUS_NOT_ALLOWED(true,
            "Class {0} does not take anonymous messages: write your matrícula too.",
            "A turma {0} não aceita mensagens anônimas: informe também sua matrícula."),
    UNKNOWN_MESSAGE(true,
            "Class {0} has no message {1}; chamada teacher inbox {0} lists them.",
            "A turma {0} não tem a mensagem {1}; chamada teacher inbox {0} as lista."),
    UNKNOWN_MATERIAL(true,
            "Class {0} has no material \"{1}\"; chamada student files {0} lists them.",
            "A turma {0} não tem o material \"{1}\"; chamada student files {0} os lista."),
    BYTES_NOT_CARRIED(true,
            "This port does not carry a file's bytes: upload and download on the native port (chamada teacher upload,"
                    + " chamada student download).",
            "Esta porta não transporta os bytes de um arquivo: envie e baixe pela porta nativa (chamada teacher"
                    + " upload, chamada student download)."),
    MATERIAL_TOO_LARGE(true,
            "The file has {0} MB; a material may have at most {1} MB. Nothing was sent.",
            "O arquivo tem {0} MB; um material pode ter no máximo {1} MB. Nada foi enviado."),
    CLASS_MATERIALS_FULL(true,
            "Class {0}'s materials may take at most {1} MB, and {2} MB are left: remove some first. Nothing was kept.",
            "Os materiais da turma {0} podem ocupar no máximo {1} MB, e restam {2} MB: remova algum antes. Nada foi"
                    + " guardado."),
    DISK_FULL(true,
            "The server's disk is too full to keep the file; nothing was kept. Tell the school's IT person.",
            "O disco do servidor está cheio demais para guardar o arquivo; nada foi guardado. Avise o técnico de"
                    + " informática da escola."),
    UPLOAD_CORRUPT(true,
            "The file {0} arrived damaged (its SHA-256 is not {1}); nothing was kept: send it again.",
            "O arquivo {0} chegou danificado (seu SHA-256 não é {1}); nada foi guardado: envie de novo."),
    ROSTER_TOO_LARGE(true,
            "A roster holds at most {0} students; this one has {1}. Nothing was imported.",
            "Uma lista de alunos tem no máximo {0} alunos; esta tem {1}. Nada foi importado."),
    ROSTER_DUPLICATE(true,
            "Matrícula {0} appears twice in the roster sent. Nothing was imported.",
            "A matrícula {0} aparece duas vezes na lista de alunos enviada. Nada foi importado."),
    ROSTER_PART_ORDER(true,
            "This is part {0} of a roster import, but part {1} was expected: the parts sent were dropped; send the"
                    + " roster again from part 1.",
            "Esta é a parte {0} de uma importação de lista de alunos, mas a esperada era a {1}: as partes enviadas"
                    + " foram descartadas; envie a lista de novo a partir da parte 1."),
    ROSTER_PART_CLASS(true,
            "The roster parts sent so far are for class {0}, not {1}: they were dropped; send the roster again.",
            "As partes da lista de alunos enviadas até agora são da turma {0}, não da {1}: foram descartadas; envie"
                    + " a lista de novo."),
    LOCKED(true,
            "Roll call {0} of class {1} closed more than the correction window ago: it is locked since {2}. Ask a school"
                    + " administrator.",
            "A chamada {0} da turma {1} foi encerrada há mais tempo do que o prazo de correção: está bloqueada desde"
                    + " {2}. Peça a um administrador da escola."),
    NO_ROLL_CALL(true,
            "Class {0} has had no roll call yet: there is nothing to correct.",
            "A turma {0} ainda não teve chamada: não há o que corrigir."),
    UNKNOWN_ROLL_CALL(true,
            "Class {0} has no roll call number {1}; chamada teacher history {0} lists them with their numbers.",
            "A turma {0} não tem a chamada número {1}; chamada teacher history {0} as lista com seus números."),
    NOT_OWNER(true,
            "The roll call of class {0} was opened by {1}; only that teacher may close it.",
            "A chamada da turma {0} foi aberta por {1}; somente esse professor pode encerrá-la."),
    NOT_ASSIGNED(true,
            "Class {0} has its own teachers, and {1} is not one of them; ask a school administrator.",
            "A turma {0} tem professores designados, e {1} não é um deles; fale com um administrador da escola."),
    BACKUP_BUSY(true,
            "A backup of this server is being taken now; ask again once it is done.",
            "Um backup deste servidor está sendo feito agora; peça de novo quando ele terminar."),
    BACKUP_FAILED(true,
            "The server could not write the backup; nothing was kept and check-ins go on. Its log says why.",
            "O servidor não conseguiu gravar o backup; nada foi mantido e as presenças continuam. O registro dele diz"
                    + " por quê."),
    BACKUP_ELSEWHERE(true,
            "This server keeps its data in PostgreSQL: back it up with pg_dump (docs/SCALING.md, \"Backups\"), and copy"
                    + " its materials folder.",
            "Este servidor guarda seus dados no PostgreSQL: faça o backup com pg_dump (docs/SCALING.md, \"Backups\") e"
                    + " copie a pasta de materiais."),
    NOT_ADMINISTRATOR(true,
            "Only a school administrator may do this, and {0} is not one.",
            "Somente um administrador da escola pode fazer isso, e {0} não é administrador."),
    ACCOUNT_INACTIVE(true,
            "The account of {0} has been disabled or removed; ask a school administrator.",
            "A conta de {0} foi desativada ou removida; fale com um administrador da escola."),
    UNKNOWN_TEACHER(true,
            "There is no teacher named {0}.",
            "Não há professor chamado {0}."),
    TEACHER_EXISTS(true,
            "There is already a teacher named {0}; to change their secret, use passwd.",
            "Já existe um professor chamado {0}; para trocar a senha, use passwd."),
    LAST_ADMINISTRATOR(true,
            "{0} is the only enabled administrator; add another (admin teacher add NAME --admin) first.",
            "{0} é o único administrador ativo; adicione outro antes (admin teacher add NOME --admin)."),
    NOTHING_HELD(true,
            "Chamada holds nothing about {0}: check the number; nothing was changed.",
            "O Chamada não guarda nada sobre {0}: confira o número; nada foi alterado."),
    STUDENT_IN_OPEN_ROLL_CALL(true,
            "This student is in the open roll call of class {0}: close it first; nothing was forgotten.",
            "Este aluno está na chamada aberta da turma {0}: encerre-a antes; nada foi esquecido."),
    TEACHER_IN_FILE(true,
            "{0} comes from the server's teachers file, which would undo this at the next start: change the file"
                    + " (chamada teacher add --teachers FILE) and restart the server.",
            "{0} vem do arquivo de professores do servidor, que desfaria isso no próximo início: altere o arquivo"
                    + " (chamada teacher add --teachers ARQUIVO) e reinicie o servidor."),
    STORE_FAILED(true,
            "The server could not save this change; nothing was changed. Try again.",
            "O servidor não conseguiu gravar esta alteração; nada foi alterado. Tente novamente."),
    STORE_UNAVAILABLE(true,
            "The server cannot use its database right now; nothing was changed. Try again in a moment.",
            "O servidor não consegue usar seu banco de dados agora; nada foi alterado. Tente novamente em instantes."),
    STORE_TIMEOUT(true,
            "The server's database did not answer in time; nothing was read or changed. Try again in a moment.",
            "O banco de dados do servidor não respondeu a tempo; nada foi lido nem alterado. Tente novamente em"
                    + " instantes."),
    STORE_UNCERTAIN(true,
            "The server could not confirm that this change was saved. Trying again is safe: a check-in is counted"
                    + " once, and an open or close already made is reported as such.",
            "O servidor não conseguiu confirmar que esta alteração foi gravada. Tentar de novo é seguro: uma"
                    + " presença conta uma vez só, e uma abertura ou um encerramento já feitos são informados como tal."),
    INTERNAL(true,
            "Internal server error; the request may not have been completed. Asking again is safe: a check-in"
                    + " is counted once.",
            "Erro interno do servidor; o pedido pode não ter sido concluído. Pedir de novo é seguro: uma presença"
                    + " conta uma vez só.");

    private final boolean keepsConnection;
    private final String en;
    private final String pt;

    ErrorCode(boolean keepsConnection, String en, String pt) {
        this.keepsConnection = keepsConnection;
        this.en = en;
        this.pt = pt;
    }

    /** The stable name used in the {@code "code"} field of an error reply. */
    public String wireName() {
        return name();
    }

    /** Whether the server keeps serving the connection after replying with this error. */
    public boolean keepsConnection() {
        return keepsConnection;
    }

    @Override
    public String en() {
        return en;
    }

    @Override
    public String pt() {
        return pt;
    }

    /** The code with this wire name, if this version of Chamada knows it. */
    public static Optional<ErrorCode> fromWire(String wireName) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(wireName)).findFirst();
    }
}
