package chamada.cli;

import chamada.i18n.Bilingual;

/** What the CLI says about class materials: a teacher's uploads and removals, a student's list and downloads. */
enum MaterialText implements Bilingual {
    PUBLISHED("Published {0} ({1}) to class {2}; SHA-256 {3}.", "Publicado {0} ({1}) na turma {2}; SHA-256 {3}."),
    REMOVED("Removed {0} from class {1}.", "Removido {0} da turma {1}."),
    NO_MATERIALS("Class {0} has no materials.", "A turma {0} não tem materiais."),
    MATERIALS("Materials of class {0} ({1}):", "Materiais da turma {0} ({1}):"),
    HEADER_NUMBER("#", "nº"),
    HEADER_NAME("name", "nome"),
    HEADER_SIZE("size", "tamanho"),
    HEADER_DATE("published", "publicado"),
    CHOOSE("Type the number of the file:", "Digite o número do arquivo:"),
    NOT_A_CHOICE("{0} is not one of the numbers listed.", "{0} não é um dos números listados."),
    DOWNLOADED("Downloaded {0} ({1}) to {2}; SHA-256 checked.", "Baixado {0} ({1}) em {2}; SHA-256 conferido."),
    RESUMING("Resuming {0}: {1} already in {2}.", "Retomando {0}: {1} já em {2}."),
    CHANGED("{0} changed on the server since the download was cut; the part was deleted: download it again.",
            "{0} mudou no servidor desde que o download parou; a parte baixada foi apagada: baixe de novo."),
    CUT("The download stopped with {0} of {1} in {2}: run the same command with --resume to go on.",
            "O download parou com {0} de {1} em {2}: rode o mesmo comando com --resume para continuar."),
    DAMAGED("{0} arrived damaged or changed on the server meanwhile (its SHA-256 is not {1}); nothing was kept: download"
            + " it again.",
            "{0} chegou danificado ou mudou no servidor nesse meio-tempo (seu SHA-256 não é {1}); nada foi guardado:"
                    + " baixe de novo."),
    BAD_FILE_NAME("{0} cannot be a material's name here. {1} Give it another with --as NAME.",
            "{0} não pode ser o nome de um material aqui. {1} Dê outro com --as NOME."),
    AS_ONE_FILE("--as names one file; {0} were given.", "--as dá nome a um arquivo; foram dados {0}.");

    private final String en;
    private final String pt;

    MaterialText(String en, String pt) {
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
