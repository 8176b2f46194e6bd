package chamada.cli;

import chamada.i18n.Bilingual;

/** What {@code chamada student} and its interactive mode say to a student. */
enum StudentText implements Bilingual {
    BANNER("""
            ---------------[WELCOME]--------------------
            Hello, student! Register your attendance.
            Server: {0}
            Type your matrícula, then your class number.
            An empty matrícula (or sair, quit) leaves.
            --------------------------------------------""", """
            ---------------[BEM-VINDO]------------------
            Olá, aluno(a)! Registre sua presença.
            Servidor: {0}
            Informe sua matrícula e depois o número da turma.
            Matrícula vazia (ou sair, quit) sai.
            --------------------------------------------"""),
    ASK_MATRICULA("Matrícula: ", "Matrícula: "),
    ASK_CLASS("Class number: ", "Número da turma: "),
    ASK_CLASS_AGAIN("Class number [Enter = {0}]: ", "Número da turma [Enter = {0}]: ");

    private final String en;
    private final String pt;

    StudentText(String en, String pt) {
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
