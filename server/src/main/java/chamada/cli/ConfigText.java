package chamada.cli;

import chamada.i18n.Bilingual;

/** What the server's config file and {@code chamada config check} say about a file. */
enum ConfigText implements Bilingual {
    AT("{0}, line {1}, {2}: {3}", "{0}, linha {1}, {2}: {3}"),
    SYNTAX("{0}, line {1}: this is not YAML the server can read ({2}).",
            "{0}, linha {1}: isto não é YAML que o servidor consiga ler ({2})."),
    NOT_UTF8("{0} is not UTF-8 text: save it as UTF-8 (an editor's \"UTF-8\" encoding).",
            "{0} não é texto UTF-8: salve-o como UTF-8 (a codificação \"UTF-8\" do editor)."),
    ONE_DOCUMENT("{0}, line {1}: a config file holds one YAML document; this one goes on after its end.",
            "{0}, linha {1}: um arquivo de configuração tem um documento YAML só; este continua depois do fim."),
    NOT_A_MAPPING("{0}: the file holds one server option per line, as name: value (port: 7070).",
            "{0}: o arquivo tem uma opção do servidor por linha, como nome: valor (port: 7070)."),
    UNKNOWN_KEY("{0}, line {1}: {2} is not an option of chamada server{3}; chamada server --help lists them.",
            "{0}, linha {1}: {2} não é uma opção do chamada server{3}; chamada server --help as lista."),
    DID_YOU_MEAN(" (did you mean {0}?)", " (quis dizer {0}?)"),
    TWICE("{0}, line {1}: {2} is given twice (first on line {3}).",
            "{0}, linha {1}: {2} aparece duas vezes (a primeira na linha {3})."),
    NO_VALUE("{0}, line {1}: {2} has no value.", "{0}, linha {1}: {2} está sem valor."),
    SECTION("{0}, line {1}: {2} takes a value, or a list of values, not a section of its own.",
            "{0}, linha {1}: {2} recebe um valor, ou uma lista de valores, não uma seção própria."),
    ONE_VALUE("{0}, line {1}: {2} takes one value, not a list.", "{0}, linha {1}: {2} recebe um valor só, não uma lista."),
    FLAG("{0}, line {1}: {2} is true or false, not {3}.", "{0}, linha {1}: {2} é true ou false, não {3}."),
    NESTED_CONFIG("{0}, line {1}: a config file cannot name another one.",
            "{0}, linha {1}: um arquivo de configuração não pode indicar outro."),
    VALID("{0} is a valid configuration of chamada server; options it sets: {1}.",
            "{0} é uma configuração válida do chamada server; opções que ela define: {1}.");

    private final String en;
    private final String pt;

    ConfigText(String en, String pt) {
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
