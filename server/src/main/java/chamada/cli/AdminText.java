package chamada.cli;

import chamada.i18n.Bilingual;

/** What {@code chamada admin} says to a school administrator. */
enum AdminText implements Bilingual {
    TEACHERS("Teachers ({0}):", "Professores ({0}):"),
    NO_TEACHERS("No teacher has an account: the server runs in open mode.",
            "Nenhum professor tem conta: o servidor funciona em modo aberto."),
    ADMINISTRATOR("administrator", "administrador"),
    DISABLED("disabled", "desativado"),
    FROM_FILE("from the teachers file", "do arquivo de professores"),
    ADDED("Teacher {0} added.", "Professor {0} adicionado."),
    ADDED_ADMINISTRATOR("Teacher {0} added, as a school administrator.",
            "Professor {0} adicionado, como administrador da escola."),
    REMOVED("Teacher {0} removed, with their classes.", "Professor {0} removido, com suas turmas."),
    DISABLED_NOW("Teacher {0} disabled: refused from their next request, on every server.",
            "Professor {0} desativado: recusado a partir do próximo pedido, em todos os servidores."),
    ENABLED("Teacher {0} enabled again.", "Professor {0} reativado."),
    PASSWORD("New secret set for {0}.", "Nova senha definida para {0}."),
    OPEN_MODE_UNTIL_RESTART("This server started in open mode and stays so until it restarts; from then on only"
            + " teachers with an account log in.",
            "Este servidor iniciou em modo aberto e continua assim até reiniciar; a partir daí só entram professores"
                    + " com conta."),
    ASSIGNED("Class {0} now belongs to: {1}.", "A turma {0} agora pertence a: {1}."),
    UNASSIGNED("Class {0} has no assigned teachers: every teacher may use it.",
            "A turma {0} não tem professores designados: qualquer professor pode usá-la."),
    ASSIGNMENTS("Classes with assigned teachers ({0}):", "Turmas com professores designados ({0}):"),
    NO_ASSIGNMENTS("No class has assigned teachers: every teacher may use every class.",
            "Nenhuma turma tem professores designados: qualquer professor pode usar qualquer turma."),
    STUDENT_EXPORTED("Everything held about {0} written to {1}: {2} roster(s), {3} check-in(s), {4} status(es),"
            + " {5} audit record(s).",
            "Tudo o que se guarda sobre {0} gravado em {1}: {2} lista(s) de alunos, {3} presença(s), {4} situação(ões),"
                    + " {5} registro(s) de auditoria."),
    FORGET_WARNING("Forgetting {0} replaces their matrícula with a random number and erases their name and the reasons"
            + " written about them, everywhere and for good; their attendance counts stay. A school may have to keep a"
            + " student's attendance by law (LGPD art. 16): check first, and export it (admin export-student) if"
            + " needed. Nothing was sent; to go on, run again with --confirm.",
            "Esquecer {0} troca a matrícula por um número aleatório e apaga o nome e os motivos escritos sobre o aluno,"
                    + " em todo lugar e para sempre; as contagens de frequência ficam. A escola pode ter de guardar a"
                    + " frequência por lei (LGPD art. 16): verifique antes, e exporte-a (admin export-student) se preciso."
                    + " Nada foi enviado; para prosseguir, rode de novo com --confirm."),
    FORGOTTEN("{0} forgotten: their records now name {1}.", "{0} esquecido: seus registros agora citam {1}."),
    NO_NEW_SECRET("No secret for {0}'s account: give --new-secret, set CHAMADA_NEW_SECRET, or run in a terminal to"
            + " type it.",
            "Nenhuma senha para a conta de {0}: use --new-secret, defina CHAMADA_NEW_SECRET ou rode num terminal para"
                    + " digitá-la.");

    private final String en;
    private final String pt;

    AdminText(String en, String pt) {
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
