package chamada.cli;

import chamada.i18n.Bilingual;

/** What {@code chamada migrate} says, in both languages. */
enum MigrateText implements Bilingual {
    COPIED("Copied {0} roll calls ({1} open), {2} check-ins, {3} replacements, {6} roster students, {7}"
            + " statuses and {8} audit records from {4} into {5}; counted again there: the same.",
            "Copiadas {0} chamadas ({1} abertas), {2} presenças, {3} substituições, {6} alunos de listas, {7}"
                    + " situações e {8} registros de auditoria de {4} para {5}; contados de novo lá: os mesmos."),
    ALREADY_THERE("{0} already holds what the file holds ({1} roll calls, {2} open, {3} check-ins, {4} replacements):"
            + " nothing was copied.",
            "{0} já tem o que o arquivo tem ({1} chamadas, {2} abertas, {3} presenças, {4} substituições): nada foi"
                    + " copiado."),
    TARGET_NOT_EMPTY("{0} already holds other data ({1} roll calls, {2} check-ins), and {3} holds {4} roll calls and {5}"
            + " check-ins: nothing was copied. Migrate into an empty database.",
            "{0} já tem outros dados ({1} chamadas, {2} presenças), e {3} tem {4} chamadas e {5} presenças: nada foi"
                    + " copiado. Migre para um banco vazio."),
    NODES_RUNNING("{1} Chamada server(s) use {0} now: nothing was copied. Stop every server on that database, migrate,"
            + " then start them.",
            "{1} servidor(es) Chamada usam {0} agora: nada foi copiado. Pare todos os servidores desse banco, migre e"
                    + " depois inicie-os."),
    NO_SUCH_STORE("{0} is not a file: give the embedded store's SQLite file (the server's --db).",
            "{0} não é um arquivo: indique o arquivo SQLite do armazenamento embutido (o --db do servidor)."),
    COPY_FAILED("The copy into {0} failed ({1}); PostgreSQL is left as it was. Run it again once that is fixed.",
            "A cópia para {0} falhou ({1}); o PostgreSQL ficou como estava. Rode de novo quando isso for resolvido.");

    private final String en;
    private final String pt;

    MigrateText(String en, String pt) {
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
