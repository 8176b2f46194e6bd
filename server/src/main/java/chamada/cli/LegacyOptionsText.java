package chamada.cli;

import chamada.i18n.Bilingual;
import chamada.server.legacy.LegacyPort;

/** What {@code chamada server} says about its legacy ports. */
enum LegacyOptionsText implements Bilingual {
    LISTENING("Legacy ports (the seeds' clients; no authentication): roll call on {0}, messages on {1},"
            + " file download on {2}.",
            "Portas legadas (clientes das seeds; sem autenticação): chamada em {0}, mensagens em {1},"
            + " download de arquivos em {2}."),
    FILES("Legacy file download offers the files of {0}.", "O download de arquivos legado oferece os arquivos de {0}."),
    FILES_OF_CLASS("Legacy file download offers the materials of class {0}.",
            "O download de arquivos legado oferece os materiais da turma {0}."),
    NEEDS_LEGACY("{0} needs --legacy, which turns the legacy ports on.",
            "{0} precisa de --legacy, que liga as portas legadas."),
    BAD_BIND("--legacy-bind {0} is not an address of this machine, nor a name that resolves to one.",
            "--legacy-bind {0} não é um endereço desta máquina nem um nome que resolva para um."),
    CANNOT_LISTEN("Could not listen on {0}, the legacy {1} port ({2}; change it with {3}).",
            "Não foi possível escutar em {0}, a porta legada de {1} ({2}; troque-a com {3})."),
    ROLL_CALL("roll call", "chamada"),
    MESSAGES("messages", "mensagens"),
    FILES_PORT("file download", "download de arquivos");

    /** How {@code port} is called in these texts. */
    static LegacyOptionsText of(LegacyPort port) {
        return switch (port) {
            case ROLL_CALL -> ROLL_CALL;
            case MESSAGES -> MESSAGES;
            case FILES -> FILES_PORT;
        };
    }

    private final String en;
    private final String pt;

    LegacyOptionsText(String en, String pt) {
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
