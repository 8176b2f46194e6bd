package chamada.backup;

import chamada.i18n.Bilingual;

/** What backups and restores say, in both languages. */
public enum BackupText implements Bilingual {
    NOT_AN_ARCHIVE("{0} is not a ZIP archive, so it is no Chamada backup.",
            "{0} não é um arquivo ZIP, então não é um backup do Chamada."),
    NO_SUCH_ARCHIVE("{0} does not exist: give the file chamada backup wrote.",
            "{0} não existe: indique o arquivo gerado por chamada backup."),
    NO_SUCH_FOLDER("The folder {0} does not exist: create it, or give --to a path in a folder that exists. Nothing was"
            + " asked of the server.",
            "A pasta {0} não existe: crie-a, ou dê a --to um caminho numa pasta que exista. Nada foi pedido ao"
                    + " servidor."),
    STORE_IN_USE("{0} is in use by a running server: drop --db to ask that server for the backup.",
            "{0} está em uso por um servidor em execução: tire o --db para pedir o backup a esse servidor."),
    NOT_A_BACKUP("{0} is not a Chamada backup: it lacks backup.json or chamada.db. Give a file chamada backup wrote.",
            "{0} não é um backup do Chamada: falta backup.json ou chamada.db. Indique um arquivo gerado por chamada"
                    + " backup."),
    NEWER_FORMAT("{0} is a backup in format {1}, written by Chamada {2}; this Chamada reads format {3}. Restore it"
            + " with that Chamada or a newer one.",
            "{0} é um backup no formato {1}, gerado pelo Chamada {2}; este Chamada lê o formato {3}. Restaure-o com"
                    + " aquele Chamada ou um mais novo."),
    UNKNOWN_ENTRY("{0} holds \"{1}\", which no Chamada backup holds: nothing was restored.",
            "{0} contém \"{1}\", que nenhum backup do Chamada contém: nada foi restaurado."),
    NOT_EMPTY("{0} already holds data: nothing was restored. Add --force to replace it (its journal and its"
            + " materials too), or restore into a new file.",
            "{0} já tem dados: nada foi restaurado. Acrescente --force para substituí-los (o diário e os materiais"
                    + " também), ou restaure em um arquivo novo."),
    BACKED_UP("Backup written to {0}: {1}, SHA-256 {2}; the database as of {3} (roll calls, records, teachers'"
            + " accounts, classes, messages) and {4} material files.",
            "Backup gravado em {0}: {1}, SHA-256 {2}; o banco como estava em {3} (chamadas, registros, contas de"
                    + " professores, turmas, mensagens) e {4} arquivos de materiais."),
    RESTORED("Restored {0} (taken {1} by Chamada {2}) into {3}, and {4} material files into {5}. Start the server"
            + " on it.",
            "Restaurado {0} (gerado em {1} pelo Chamada {2}) em {3}, e {4} arquivos de materiais em {5}. Inicie o"
                    + " servidor sobre ele."),
    OWNER_DIFFERS("The restored files belong to {0}, but {1} belongs to {2}: a server that runs as {2} (as the"
            + " service does) cannot open them. Give them back before starting it: chown -R {2}: {3}",
            "Os arquivos restaurados pertencem a {0}, mas {1} pertence a {2}: um servidor que roda como {2} (como o"
                    + " serviço) não consegue abri-los. Devolva-os antes de iniciá-lo: chown -R {2}: {3}"),
    TARGET_EXISTS("{0} already exists: a backup never overwrites a file. Choose another name.",
            "{0} já existe: um backup nunca sobrescreve um arquivo. Escolha outro nome."),
    MATERIALS_WITHOUT_DB("--materials goes with --db: a running server knows its own materials folder.",
            "--materials vai com --db: um servidor em execução conhece a própria pasta de materiais."),
    CANNOT_WRITE("Cannot write {0} ({1}); nothing was kept.", "Não foi possível gravar {0} ({1}); nada foi mantido."),
    CORRUPT("The archive arrived damaged (SHA-256 {1}, the server sent {0}); nothing was kept. Try again.",
            "O arquivo chegou corrompido (SHA-256 {1}, o servidor enviou {0}); nada foi mantido. Tente de novo."),
    NO_SUCH_STORE("{0} is not a file: give the stopped store's SQLite file (the server's --db).",
            "{0} não é um arquivo: indique o arquivo SQLite do armazenamento parado (o --db do servidor)."),
    CANNOT_RESTORE("Cannot restore into {0} ({1}). Whatever was restored before this is left; run it again with"
            + " --force once that is fixed.",
            "Não foi possível restaurar em {0} ({1}). O que já foi restaurado fica; rode de novo com --force quando"
                    + " isso for resolvido.");

    private final String en;
    private final String pt;

    BackupText(String en, String pt) {
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
