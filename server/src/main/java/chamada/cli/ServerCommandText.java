package chamada.cli;

import chamada.i18n.Bilingual;

/** What {@code chamada server} says to the person who starts it. */
enum ServerCommandText implements Bilingual {
    LISTENING("Chamada {0} listening on {1}, store: {2}.", "Chamada {0} escutando em {1}, armazenamento: {2}."),
    OPEN_MODE("Open mode (no --teachers file): anybody may open and close roll calls.",
            "Modo aberto (sem arquivo --teachers): qualquer pessoa pode abrir e encerrar chamadas."),
    TEACHERS("Teachers from {0}.", "Professores de {0}."),
    NO_TEACHER_YET("Warning: {0} lists no teacher yet, so nobody may open a roll call: add the first, an"
            + " administrator, with chamada teacher add NAME --admin --teachers {0}, then restart the server.",
            "Aviso: {0} ainda não lista nenhum professor, então ninguém pode abrir uma chamada: acrescente o"
                    + " primeiro, um administrador, com chamada teacher add NOME --admin --teachers {0}, e reinicie o"
                    + " servidor."),
    TEACHERS_IN_STORE("Teachers' accounts from the store (no teachers file).",
            "Contas de professores do armazenamento (sem arquivo de professores)."),
    HOW_TO_STOP("Ctrl-C stops the server gracefully.", "Ctrl-C encerra o servidor com calma."),
    STOPPED("Server stopped.", "Servidor encerrado."),
    WEB_LISTENING("Web pages and JSON API on {0}. Students open: {1}",
            "Páginas web e API JSON em {0}. Os alunos abrem: {1}"),
    WEB_TEACHERS("Teachers open: {0}", "Os professores abrem: {0}"),
    WEB_LISTENING_LOCAL("Web pages and JSON API on {0}.", "Páginas web e API JSON em {0}."),
    WEB_OPEN_MODE("Open mode: the teacher's pages and API answer only on this machine ({0});"
            + " students' pages answer everyone.",
            "Modo aberto: as páginas e a API do professor só respondem nesta máquina ({0});"
                    + " as páginas dos alunos respondem a todos."),
    WEB_IN_CLEAR("Warning: the web pages and the JSON API speak plain HTTP, so teachers' passwords cross the network"
            + " in clear; use --tls-cert and --tls-key, or a reverse proxy with TLS in front of this server.",
            "Aviso: as páginas web e a API JSON falam HTTP sem cifra, então as senhas dos professores atravessam a"
                    + " rede às claras; use --tls-cert e --tls-key, ou um proxy reverso com TLS na frente deste"
                    + " servidor."),
    LEGACY_WITHOUT_CODES("Warning: roll calls opened from the legacy port ask for no code (the seeds' clients cannot"
            + " send one), whatever --code-policy says.",
            "Aviso: chamadas abertas pela porta legada não pedem código (os clientes dos seeds não sabem"
                    + " enviá-lo), seja qual for o --code-policy."),
    BAD_CONFIG("Invalid configuration: {0}", "Configuração inválida: {0}"),
    NOT_WRITABLE("{0} cannot be written by this user", "{0} não pode ser gravado por este usuário"),
    BAD_LOG_LEVEL("Option --log-level takes one of {1}, not {0}.", "A opção --log-level recebe um de {1}, não {0}."),
    OUT_OF_RANGE("Option {0} must be from {1} to {2}; got {3}.", "A opção {0} deve ser de {1} a {2}; recebido {3}."),
    BAD_BIND("--bind {0} is not an address of this machine, nor a name that resolves to one.",
            "--bind {0} não é um endereço desta máquina nem um nome que resolva para um."),
    CANNOT_LISTEN("Could not listen on {0} ({1}).", "Não foi possível escutar em {0} ({1})."),
    REASON_ADDRESS_TAKEN("address already in use, or not on this machine",
            "endereço já em uso, ou não pertence a esta máquina"),
    BAD_POLICY("--code-policy {0} is not a code policy: use rotating, fixed or none.",
            "--code-policy {0} não é uma política de código: use rotating, fixed ou none."),
    BAD_ZONE("--zone {0} is not a time zone: write it like America/Sao_Paulo or America/Manaus.",
            "--zone {0} não é um fuso horário: escreva como America/Sao_Paulo ou America/Manaus."),
    BAD_NETWORK("--allow-network {0} is not a network: write it like 10.20.0.0/16 or 2001:db8::/48.",
            "--allow-network {0} não é uma rede: escreva como 10.20.0.0/16 ou 2001:db8::/48."),
    BAD_PORT("--http-port {0} is not a port: use a number from 0 to 65535, or off.",
            "--http-port {0} não é uma porta: use um número de 0 a 65535, ou off."),
    BAD_HTTP_BIND("--http-bind {0} is not an address of this machine, nor a name that resolves to one.",
            "--http-bind {0} não é um endereço desta máquina nem um nome que resolva para um."),
    BAD_PROXY("--trusted-proxy {0} is not a network: write it like 10.0.0.5 or 10.0.0.0/24.",
            "--trusted-proxy {0} não é uma rede: escreva como 10.0.0.5 ou 10.0.0.0/24."),
    TLS_ALONE("{0} was given without {1}: give both (the certificate chain and its private key, PEM files),"
            + " or neither.",
            "{0} foi dado sem {1}: dê os dois (a cadeia de certificados e a chave privada dela, arquivos PEM)"
                    + " ou nenhum."),
    TLS_SERVES_NOTHING("--tls-cert and --tls-key would serve nothing: --http-port off turns the web front off, and"
            + " --plain-native-port keeps the native port in plain TCP.",
            "--tls-cert e --tls-key não serviriam para nada: --http-port off desliga as páginas web, e"
                    + " --plain-native-port mantém a porta nativa em TCP sem cifra."),
    PLAIN_WITHOUT_TLS("--plain-native-port is for a server with --tls-cert and --tls-key; without them every port"
            + " is plain already.",
            "--plain-native-port é para um servidor com --tls-cert e --tls-key; sem eles todas as portas já são sem"
                    + " cifra."),
    NATIVE_TLS("The native port speaks TLS only (1.3 and 1.2): clients connect with --tls, or with --ca FILE"
            + " for a certificate of the school's own.",
            "A porta nativa só fala TLS (1.3 e 1.2): os clientes conectam com --tls, ou com --ca ARQUIVO para um"
                    + " certificado da própria escola."),
    CANNOT_START("Could not start the server: {0}", "Não foi possível iniciar o servidor: {0}"),
    BAD_POSTGRES_URL("--db {0} is not a PostgreSQL address: write it like postgresql://chamada@db1:5432,db2:5432/school,"
            + " with no password in it (put it in CHAMADA_DB_PASSWORD or --db-password-file).",
            "--db {0} não é um endereço PostgreSQL: escreva como postgresql://chamada@db1:5432,db2:5432/escola,"
                    + " sem senha nele (ponha-a em CHAMADA_DB_PASSWORD ou --db-password-file)."),
    PASSWORD_IN_POSTGRES_URL("--db {0} has a password in it, where every user of this machine could read it (in the"
            + " process list, the shell's history): remove it, and give it in CHAMADA_DB_PASSWORD or --db-password-file.",
            "--db {0} tem uma senha, onde todo usuário desta máquina poderia lê-la (na lista de processos, no histórico do"
                    + " shell): tire-a e informe-a em CHAMADA_DB_PASSWORD ou --db-password-file."),
    PASSWORD_FILE_UNREADABLE("Could not read --db-password-file {0} ({1}).",
            "Não foi possível ler o --db-password-file {0} ({1})."),
    EMPTY_PASSWORD_FILE("--db-password-file {0} has no password on its first line.",
            "--db-password-file {0} não tem senha na primeira linha."),
    PASSWORD_WITHOUT_POSTGRES("--db-password-file is for a PostgreSQL --db (postgresql://...); a SQLite file has no"
            + " password.",
            "--db-password-file é para um --db PostgreSQL (postgresql://...); um arquivo SQLite não tem senha.");

    private final String en;
    private final String pt;

    ServerCommandText(String en, String pt) {
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
