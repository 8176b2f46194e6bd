package chamada.error;

import chamada.i18n.Bilingual;

/** What a field accepts, named in the error that refuses a bad value. */
public enum Expected implements Bilingual {
    CLASS_ID("a whole number from 1 to 2147483647",
            "um número inteiro de 1 a 2147483647"),
    MATRICULA("1 to 20 digits (leading zeros are kept)",
            "de 1 a 20 dígitos (zeros à esquerda são mantidos)"),
    TEACHER_NAME("1 to 64 letters, digits, dots, hyphens or underscores",
            "de 1 a 64 letras, dígitos, pontos, hífens ou sublinhados"),
    SECRET("a secret of 1 to 256 characters",
            "uma senha de 1 a 256 caracteres"),
    TOKEN("a session token from a login reply (up to 512 characters)",
            "um token de sessão da resposta a um login (até 512 caracteres)"),
    LANG("pt-BR or en",
            "pt-BR ou en"),
    OP("a command: hello, login, resume, open, close, status, checkin, history, export, roster, roster_import,"
            + " mark, audit, report, class_defaults, teachers, account, assign, assignments, student_data, forget,"
            + " message, inbox, read, anonymous, watch, health, help or quit",
            "um comando: hello, login, resume, open, close, status, checkin, history, export, roster, roster_import,"
                    + " mark, audit, report, class_defaults, teachers, account, assign, assignments, student_data,"
                    + " forget, message, inbox, read, anonymous, watch, health, help ou quit"),
    CODE("the 6-digit check-in code shown in the classroom",
            "o código de presença de 6 dígitos mostrado na sala"),
    CODE_POLICY("rotating, fixed or none",
            "rotating, fixed ou none"),
    LATE_AFTER("whole minutes from 0 to 720 after the opening",
            "minutos inteiros de 0 a 720 depois da abertura"),
    PART("a part number from 1 to 5000",
            "um número de parte de 1 a 5000"),
    REASON("a reason of 1 to 200 characters, without control characters",
            "um motivo de 1 a 200 caracteres, sem caracteres de controle"),
    MESSAGE_TEXT("a message of 1 to 2000 characters; line breaks and tabs are kept, other control characters are"
            + " refused",
            "uma mensagem de 1 a 2000 caracteres; quebras de linha e tabulações são mantidas, outros caracteres de"
                    + " controle são recusados"),
    MESSAGE_ID("a message's number, as the inbox lists it, or off",
            "o número de uma mensagem, como a caixa de entrada o mostra, ou off"),
    MESSAGE_IDS("message numbers, as the inbox lists them (at most 500)",
            "números de mensagens, como a caixa de entrada os mostra (no máximo 500)"),
    MATERIAL_NAME("a file name of 1 to 255 bytes, without / \\ : * ? \" < > | % or control characters, not starting"
            + " with a dot nor ending with a dot or a space, and not a name Windows reserves (CON, NUL, COM1...)",
            "um nome de arquivo de 1 a 255 bytes, sem / \\ : * ? \" < > | % nem caracteres de controle, que não comece"
                    + " com ponto nem termine com ponto ou espaço, e que não seja um nome reservado do Windows (CON,"
                    + " NUL, COM1...)"),
    MATERIAL("a material's name, or its number in chamada student files",
            "o nome de um material, ou seu número em chamada student files"),
    SHA256("the file's SHA-256, 64 lowercase hexadecimal digits", "o SHA-256 do arquivo, 64 dígitos hexadecimais minúsculos"),
    SIZE("the file's size in bytes, a whole number from 0", "o tamanho do arquivo em bytes, um número inteiro a partir de 0"),
    OFFSET("a byte offset from 0 to the file's size", "uma posição em bytes de 0 até o tamanho do arquivo"),
    ACCOUNT_ACTION("add, remove, disable, enable or passwd",
            "add, remove, disable, enable ou passwd"),
    TEACHER_NAMES("a list of teachers' names, each 1 to 64 letters, digits, dots, hyphens or underscores",
            "uma lista de nomes de professores, cada um de 1 a 64 letras, dígitos, pontos, hífens ou sublinhados"),
    STATUS("present, late, excused or absent",
            "present, late, excused ou absent"),
    ROLL_CALL_ID("a roll call's number, as history lists it",
            "o número de uma chamada, como o histórico o mostra"),
    DATE("a date as YYYY-MM-DD, e.g. 2026-12-01",
            "uma data como AAAA-MM-DD, por exemplo 2026-12-01"),
    DATE_NOT_BEFORE_FROM("a date as YYYY-MM-DD, not before from",
            "uma data como AAAA-MM-DD, não anterior a from"),
    LATE_COUNTS_AS("present or absent",
            "present ou absent"),
    YES_NO("true or false",
            "true ou false"),
    DEVICE("a device id of 16 to 64 letters, digits, hyphens or underscores",
            "um identificador de aparelho de 16 a 64 letras, dígitos, hífens ou sublinhados"),
    STUDENT_NAME("a name of 1 to 100 characters, without control characters",
            "um nome de 1 a 100 caracteres, sem caracteres de controle"),
    STUDENTS("a JSON list of objects, each with a matricula and a name",
            "uma lista JSON de objetos, cada um com matricula e name"),
    WHOLE_ROSTER("false: the JSON API takes the whole roster in one request",
            "false: a API JSON recebe a lista de alunos inteira num só pedido"),
    TEXT("a JSON string",
            "um texto JSON (string)");

    private final String en;
    private final String pt;

    Expected(String en, String pt) {
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
