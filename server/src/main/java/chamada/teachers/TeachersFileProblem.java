package chamada.teachers;

import chamada.i18n.Bilingual;

/**
 * What can be wrong with a line of the teachers file, in both languages. Every text takes
 * the file as {@code {0}} and the line number as {@code {1}}, so the person who must fix
 * it knows where to look.
 */
public enum TeachersFileProblem implements Bilingual {
    NO_SEPARATOR(
            "{0}, line {1}: no colon; each line must be NAME:HASH (NAME:HASH:admin for an administrator), as written by \"chamada teacher add\".",
            "{0}, linha {1}: falta o dois-pontos; cada linha deve ser NOME:HASH (NOME:HASH:admin para um administrador), como escreve \"chamada teacher add\"."),
    BAD_NAME(
            "{0}, line {1}: invalid teacher name \"{2}\". Expected {3}.",
            "{0}, linha {1}: nome de professor inválido \"{2}\". Esperado: {3}."),
    BAD_HASH(
            "{0}, line {1}: the hash of {2} is not of the form pbkdf2-sha256$ITERATIONS$SALT$HASH, optionally followed by :admin ({3}).",
            "{0}, linha {1}: o hash de {2} não está no formato pbkdf2-sha256$ITERAÇÕES$SAL$HASH, seguido ou não de :admin ({3})."),
    DUPLICATE(
            "{0}, line {1}: teacher {2} appears twice (first on line {3}); keep one line per teacher.",
            "{0}, linha {1}: o professor {2} aparece duas vezes (antes na linha {3}); deixe uma linha por professor."),
    ALREADY_PRESENT(
            "{0}, line {1}: teacher {2} is already in this file; to change the secret, delete that line and add again.",
            "{0}, linha {1}: o professor {2} já está neste arquivo; para trocar a senha, apague essa linha e adicione de novo.");

    private final String en;
    private final String pt;

    TeachersFileProblem(String en, String pt) {
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
