package chamada.roster;

import chamada.i18n.Bilingual;

/** What can be wrong with a line of a roster file, in both languages. */
public enum RosterProblem implements Bilingual {
    NOT_UTF8("the file is not UTF-8 text; save it as \"CSV UTF-8\"",
            "o arquivo não é texto UTF-8; salve-o como \"CSV UTF-8\""),
    NO_HEADER("the first line must be the header matricula,name (or matricula;name)",
            "a primeira linha deve ser o cabeçalho matricula,name (ou matricula;nome)"),
    QUOTES("unbalanced quotes: {0}",
            "aspas desbalanceadas: {0}"),
    MISSING_FIELD("no {0} on this line",
            "falta {0} nesta linha"),
    BAD_MATRICULA("\"{0}\" is not a matrícula (1 to 20 digits)",
            "\"{0}\" não é uma matrícula (de 1 a 20 dígitos)"),
    BAD_NAME("\"{0}\" is not a name (1 to 100 characters, no control characters)",
            "\"{0}\" não é um nome (de 1 a 100 caracteres, sem caracteres de controle)"),
    DUPLICATE("matrícula {0} is already on line {1}",
            "a matrícula {0} já está na linha {1}"),
    TOO_MANY("more than {0} students: a roster holds at most {0}",
            "mais de {0} alunos: uma lista de alunos tem no máximo {0}");

    private final String en;
    private final String pt;

    RosterProblem(String en, String pt) {
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
