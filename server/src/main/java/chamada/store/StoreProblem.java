package chamada.store;

import chamada.i18n.Bilingual;

/**
 * Why a database cannot be used, in both languages, for the person who starts the server.
 * Every text takes the database as {@code {0}} (the file, or PostgreSQL's address); the
 * technical detail (the database's own words) stays in the exception's cause.
 */
public enum StoreProblem implements Bilingual {
    /** {@code {1}}: the lock file. */
    IN_USE(
            "The database {0} is in use by another Chamada server (it holds the lock on {1});"
                    + " stop that server, or use another database file.",
            "O banco de dados {0} está em uso por outro servidor Chamada (ele detém a trava de {1});"
                    + " encerre esse servidor ou use outro arquivo de banco de dados."),
    CANNOT_CREATE(
            "Could not create the database {0}, its folder or its lock file; check that this user may write there.",
            "Não foi possível criar o banco de dados {0}, sua pasta ou seu arquivo de trava;"
                    + " verifique se este usuário pode gravar lá."),
    CANNOT_OPEN(
            "Could not open the database {0}; check that this user may read and write it and its folder.",
            "Não foi possível abrir o banco de dados {0}; verifique se este usuário pode ler e gravar nele e"
                    + " em sua pasta."),
    NOT_A_FILE(
            "{0} is a folder, not a database file.",
            "{0} é uma pasta, não um arquivo de banco de dados."),
    NOT_A_DATABASE(
            "{0} is not a SQLite database; choose a Chamada database, or a new file name.",
            "{0} não é um banco de dados SQLite; escolha um banco do Chamada ou um nome de arquivo novo."),
    NOT_CHAMADA(
            "{0} is another program's SQLite database, not Chamada's; it was left untouched.",
            "{0} é um banco de dados SQLite de outro programa, não do Chamada; ele não foi alterado."),
    /** {@code {1}}: the file's schema version; {@code {2}}: the newest this build knows. */
    NEWER_SCHEMA(
            "{0} was written by a newer Chamada (schema version {1}; this one knows up to {2}); use a newer Chamada.",
            "{0} foi gravado por um Chamada mais novo (versão de esquema {1}; esta conhece até a {2});"
                    + " use um Chamada mais novo."),
    /** {@code {1}}: the journal folder. */
    JOURNAL_UNUSABLE(
            "Could not read or write {1}, the journal of the database {0}; check that this user may read and"
                    + " write that folder and that the disk has room.",
            "Não foi possível ler ou gravar {1}, o diário do banco de dados {0}; verifique se este usuário pode"
                    + " ler e gravar nessa pasta e se o disco tem espaço."),
    /** {@code {1}}: the journal segment; {@code {2}}: the byte offset where it stops making sense. */
    JOURNAL_DAMAGED(
            "The journal segment {1} of the database {0} is damaged at byte {2}, before its end; the disk may be"
                    + " failing. The database holds what came before that byte and nothing after it: keep a copy"
                    + " of the journal folder and ask for help before going on.",
            "O segmento de diário {1} do banco de dados {0} está danificado no byte {2}, antes do seu fim; o disco"
                    + " pode estar falhando. O banco de dados tem o que veio antes desse byte e nada depois dele:"
                    + " guarde uma cópia da pasta do diário e peça ajuda antes de continuar."),
    /** {@code {1}}: the journal segment; {@code {2}}: its format version; {@code {3}}: the newest this build reads. */
    JOURNAL_NEWER_FORMAT(
            "The journal segment {1} of the database {0} is in format version {2}, and this Chamada reads up to"
                    + " version {3}: a newer Chamada wrote it. Start that Chamada, or a newer one, on this database;"
                    + " nothing from this segment on was applied.",
            "O segmento de diário {1} do banco de dados {0} está na versão de formato {2}, e este Chamada lê até a"
                    + " versão {3}: um Chamada mais novo o gravou. Inicie esse Chamada, ou um mais novo, com este"
                    + " banco de dados; nada deste segmento em diante foi aplicado."),
    /** {@code {1}}: the journal segment; {@code {2}}: the record's byte offset; {@code {3}}: its kind byte. */
    JOURNAL_UNKNOWN_RECORD(
            "The journal segment {1} of the database {0} holds at byte {2} a whole record of kind {3} that this"
                    + " Chamada cannot read: most likely a newer Chamada wrote it. Start that Chamada, or a newer"
                    + " one, on this database; nothing from that byte on was applied.",
            "O segmento de diário {1} do banco de dados {0} tem no byte {2} um registro inteiro do tipo {3} que"
                    + " este Chamada não sabe ler: provavelmente um Chamada mais novo o gravou. Inicie esse Chamada,"
                    + " ou um mais novo, com este banco de dados; nada desse byte em diante foi aplicado."),
    /** {@code {1}}: the segment file that should be there. */
    JOURNAL_INCOMPLETE(
            "The journal of the database {0} lacks {1}, which its later segments follow; it may have been"
                    + " deleted by hand. Nothing after it was applied: put it back, or ask for help before going on.",
            "Falta {1} no diário do banco de dados {0}, e os segmentos seguintes dependem dele; ele pode ter"
                    + " sido apagado à mão. Nada depois dele foi aplicado: devolva-o ou peça ajuda antes de"
                    + " continuar."),
    /** {@code {1}}: the refused write; {@code {2}}: the journal folder. */
    JOURNAL_REFUSED(
            "{0} refuses the journaled write \"{1}\", which was acknowledged to a client; start-up stopped there"
                    + " so that it is not lost, and {2} keeps it with every write after it. Keep a copy of the"
                    + " database and that folder, and report this bug.",
            "{0} recusa a gravação \"{1}\" do diário, já confirmada a um cliente; a inicialização parou aí para"
                    + " que ela não se perca, e {2} a guarda com todas as gravações seguintes. Guarde uma cópia do"
                    + " banco de dados e dessa pasta, e relate este defeito."),
    /** {@code {1}}: the refused write; {@code {2}}: the journal folder. For a running server's health. */
    APPLY_REFUSED(
            "{0} refused the journaled write \"{1}\"; it is kept in {2}, with every write after it. Changes are"
                    + " still saved in the journal, but history and export fail until this is fixed. Keep a copy"
                    + " of the database and that folder, and report this bug.",
            "{0} recusou a gravação \"{1}\" do diário; ela está guardada em {2}, com todas as gravações seguintes."
                    + " As alterações continuam gravadas no diário, mas o histórico e a exportação falham até que"
                    + " isso seja corrigido. Guarde uma cópia do banco de dados e dessa pasta, e relate este defeito."),
    /** {@code {1}}: what stopped it; {@code {2}}: the journal folder. For a running server's health. */
    APPLY_STOPPED(
            "Copying the journal {2} into the database {0} stopped ({1}); changes are still saved in the journal,"
                    + " and a restart copies them, but history and export fail until then. Report this bug.",
            "A cópia do diário {2} para o banco de dados {0} parou ({1}); as alterações continuam gravadas no"
                    + " diário, e uma reinicialização as copia, mas o histórico e a exportação falham até lá."
                    + " Relate este defeito."),
    /** {@code {1}}: SQLite's words; {@code {2}}: the journal folder. For a running server's health. */
    APPLY_RETRYING(
            "The database {0} cannot take the journal's changes now ({1}); they are kept in {2} and tried again"
                    + " every second, and history and export wait for them. Check that the disk has room and that"
                    + " no other program holds the file.",
            "O banco de dados {0} não consegue receber as alterações do diário agora ({1}); elas estão guardadas"
                    + " em {2} e são tentadas de novo a cada segundo, e o histórico e a exportação esperam por elas."
                    + " Verifique se o disco tem espaço e se nenhum outro programa está usando o arquivo."),
    /** {@code {1}}: the journal folder; {@code {2}}: what failed. For a running server's health. */
    JOURNAL_BROKEN(
            "Writing the journal {1} of the database {0} failed ({2}); no change is accepted until the server is"
                    + " restarted. If the disk is full or failing, fix that first.",
            "A gravação do diário {1} do banco de dados {0} falhou ({2}); nenhuma alteração é aceita até que o"
                    + " servidor seja reiniciado. Se o disco estiver cheio ou com defeito, resolva isso antes."),
    /** {@code {1}}: the journal folder; {@code {2}}: the JVM system property that turned it on. For a running server's health. */
    JOURNAL_NOT_FSYNCED(
            "UNSAFE, FOR TESTS ONLY: the journal {1} of the database {0} is not fsynced ({2} is set), so a power cut"
                    + " WILL lose acknowledged changes. Restart the server without that property.",
            "INSEGURO, SÓ PARA TESTES: o diário {1} do banco de dados {0} não é sincronizado com o disco ({2} está"
                    + " definida), então uma queda de energia VAI perder alterações confirmadas. Reinicie o servidor"
                    + " sem essa propriedade."),
    /** {@code {1}}: the migration that failed, e.g. V2__rename; {@code {2}}: the version the file is left at. */
    MIGRATION_FAILED(
            "{0}: the schema migration {1} failed; the database is left at schema version {2}.",
            "{0}: a migração de esquema {1} falhou; o banco de dados ficou na versão de esquema {2}."),
    /** {@code {1}}: what PostgreSQL or the network said. */
    POSTGRES_UNREACHABLE(
            "Cannot reach PostgreSQL at {0} ({1}). Check that it is running, that the address, user and database are"
                    + " right, and the password in CHAMADA_DB_PASSWORD or --db-password-file.",
            "Não foi possível conectar ao PostgreSQL em {0} ({1}). Verifique se ele está no ar, se o endereço, o usuário"
                    + " e o banco estão certos, e a senha em CHAMADA_DB_PASSWORD ou --db-password-file."),
    /** {@code {1}}: what PostgreSQL said; a store's health while its writes fail. */
    POSTGRES_WRITES_FAILING(
            "PostgreSQL {0} refuses writes now ({1}); requests that change something get an error until it takes"
                    + " them again.",
            "O PostgreSQL {0} recusa gravações agora ({1}); pedidos que alteram algo recebem um erro até que ele volte"
                    + " a aceitá-las."),
    /** {@code {1}}: the version found; {@code {2}}: the newest this build knows. */
    POSTGRES_NEWER_SCHEMA(
            "PostgreSQL {0} was brought to schema version {1} by a newer Chamada; this one knows up to {2}: upgrade"
                    + " this server too (UPGRADING.md).",
            "O PostgreSQL {0} foi levado à versão de esquema {1} por um Chamada mais novo; este conhece até a {2}:"
                    + " atualize também este servidor (UPGRADING.md)."),
    /** {@code {1}}: what PostgreSQL or Flyway said. */
    POSTGRES_SCHEMA(
            "PostgreSQL {0}: bringing the schema up to date failed ({1}); nothing was changed by this server.",
            "PostgreSQL {0}: a atualização do esquema falhou ({1}); este servidor não alterou nada.");

    private final String en;
    private final String pt;

    StoreProblem(String en, String pt) {
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
