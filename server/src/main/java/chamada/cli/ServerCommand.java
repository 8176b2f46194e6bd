package chamada.cli;

import chamada.i18n.Lang;
import chamada.net.TlsCertificate;
import chamada.server.ChamadaServer;
import chamada.server.OptionLimit;
import chamada.server.ServerConfig;
import chamada.server.StoreConfig;
import chamada.server.legacy.LegacyBindException;
import chamada.store.StoreProblem;
import chamada.store.StoreUnavailableException;
import chamada.store.postgres.PostgresAddress;
import chamada.teachers.TeachersFile;
import chamada.teachers.TeachersFileException;
import chamada.web.StudentAddresses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code chamada server}: builds a {@link ServerConfig} from the options, starts a
 * {@link ChamadaServer}, says where it listens and which store it uses, and runs until
 * Ctrl-C or SIGTERM, which stop it gracefully ({@link ChamadaServer#close()}).
 *
 * <p>Start-up problems end it with one line: a config the server refuses or an unknown
 * {@code --bind} is {@link ExitCodes#USAGE}; an address it cannot listen on is
 * {@link ExitCodes#UNREACHABLE}; a teachers file, TLS file ({@link WebOptions}) or database it
 * cannot use is {@link ExitCodes#LOCAL_FILE}. The numeric options are checked here, in the user's language,
 * before {@link ServerConfig} checks them again. The directory of {@code --db} is created if missing, since
 * the default ({@value ServerDefaults#DATABASE}) lives in a directory of its own.
 *
 * <p>The {@code --legacy} options, which add the seeds' wire protocols on their own ports,
 * are in {@link LegacyOptions}.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        header = "Run the Chamada server until Ctrl-C or SIGTERM.",
        description = "Without --teachers the server runs in open mode: anybody may open and close roll calls.",
        defaultValueProvider = ServerDefaults.class)
final class ServerCommand implements Callable<Integer> {

    @ParentCommand
    private ChamadaCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LegacyOptions legacy;

    @Mixin
    private CheckInOptions checkIns;

    @Mixin
    private MaterialOptions materials;

    @Mixin
    private WebOptions web;

    @Mixin
    private LogOptions logs;

    // Read before the command line is parsed (ServerArguments), so that the file's options are
    // parsed, and refused, as flags; declared here to be listed and accepted.
    @Option(names = ServerArguments.CONFIG, paramLabel = "FILE",
            description = "Read the server's options from FILE (YAML, one option per line, as port: 7070; a list for"
                    + " a repeatable one); a flag given as well overrides the file. chamada config check FILE checks"
                    + " a file without starting.")
    private Path configFile;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, every IPv4 interface).")
    private String bind;

    @Option(names = "--port", paramLabel = "PORT",
            description = "TCP port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--db", paramLabel = "FILE|URL",
            description = "SQLite database file, created with its directory if missing"
                    + " (default: ${DEFAULT-VALUE}, relative to the working directory); or, for several servers"
                    + " sharing one database, postgresql://USER@HOST[:PORT][,HOST2[:PORT]...]/DB[?PARAMS]"
                    + " with the password in CHAMADA_DB_PASSWORD or --db-password-file.")
    private String database;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "File holding the PostgreSQL password (its first line), for a postgresql:// --db."
                    + " Without it, CHAMADA_DB_PASSWORD; without both, no password.")
    private Path databasePasswordFile;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "The school's time zone, as in America/Sao_Paulo: every time shown to a person is in it,"
                    + " and every time on the wire carries its offset (default: this machine's, ${DEFAULT-VALUE}).")
    private String zone = ZoneId.systemDefault().getId();

    @Option(names = "--teachers", paramLabel = "FILE",
            description = "Teachers file, as written by 'chamada teacher add'. Without it: open mode.")
    private Path teachers;

    @Option(names = "--max-line-bytes", paramLabel = "BYTES",
            description = "Longest request line accepted (default: ${DEFAULT-VALUE}).")
    private int maxLineBytes;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS",
            description = "Close a connection after this many seconds without a request (default: ${DEFAULT-VALUE}).")
    private long idleTimeoutSeconds;

    @Option(names = "--max-connections-per-address", paramLabel = "N",
            description = "Connections one client address may hold at once (default: ${DEFAULT-VALUE}).")
    private int maxConnectionsPerAddress;

    @Override
    public Integer call() throws InterruptedException {
        Lang lang = root.lang();
        PrintWriter out = spec.commandLine().getOut();
        ServerConfig config = config(lang);
        config.teachersFile().ifPresent(file -> readTeachers(file, lang));
        ServerLogging.Settings logging = logs.settings(lang);
        logs.checkWritable(lang, true);
        try (ServerLogging applied = ServerLogging.apply(logging)) {
            return serve(config, lang, out);
        }
    }

    private int serve(ServerConfig config, Lang lang, PrintWriter out) throws InterruptedException {
        createStoreFolder(config.store(), lang);
        ChamadaServer server = start(config, zone(lang), lang);
        out.println(ServerCommandText.LISTENING.format(lang, VersionProvider.version(), display(server.address()),
                server.storeDescription()));
        if (config.tls().isPresent()) {
            out.println(ServerCommandText.NATIVE_TLS.format(lang));
        }
        legacy.printListening(server, out, lang);
        server.web().ifPresent(front -> printWeb(out, lang, front.address(), config.web().orElseThrow().config().tls(),
                server.openMode()));
        if (config.legacy().isPresent() && config.checkIns().defaultPolicy().needsCode()) {
            out.println(ServerCommandText.LEGACY_WITHOUT_CODES.format(lang));
        }
        // A store with accounts needs no teachers file: a restored one, or any node after the first.
        out.println(server.openMode() ? ServerCommandText.OPEN_MODE.format(lang)
                : config.teachersFile().map(file -> ServerCommandText.TEACHERS.format(lang, file))
                        .orElseGet(() -> ServerCommandText.TEACHERS_IN_STORE.format(lang)));
        if (server.withoutTeachers()) {
            out.println(ServerCommandText.NO_TEACHER_YET.format(lang, config.teachersFile().orElseThrow()));
        }
        out.println(ServerCommandText.HOW_TO_STOP.format(lang));
        out.flush();
        CountDownLatch saidStopped = new CountDownLatch(1);
        // Said by the stop itself: after SIGTERM the JVM halts as soon as its shutdown hooks return,
        // so a line printed by this thread after the server ends may never be written.
        root.terminal().stop().onStop(() -> {
            server.close();
            out.println(ServerCommandText.STOPPED.format(lang));
            out.flush();
            saidStopped.countDown();
        });
        try {
            saidStopped.await();
        } catch (InterruptedException e) {
            server.close();
            throw e;
        }
        return ExitCodes.OK;
    }

    /**
     * Checks the options as {@link #call} would before starting, without starting: the
     * configuration they make, or the failure that would stop the start.
     */
    ServerConfig check() {
        Lang lang = root.lang();
        zone(lang);
        logs.settings(lang);
        logs.checkWritable(lang, false);
        ServerConfig config = config(lang);
        config.teachersFile().ifPresent(file -> readTeachers(file, lang));
        return config;
    }

    /**
     * The teachers file read as the start reads it, before it: a refusal names {@code --teachers},
     * with the config file's line when it came from one.
     */
    private static void readTeachers(Path file, Lang lang) {
        try {
            TeachersFile.load(file);
        } catch (TeachersFileException e) {
            throw CommandFailure.badFile("--teachers", e.message(lang), e);
        } catch (IOException e) {
            throw CommandFailure.badFile("--teachers", Text.FILE_READ_FAILED.format(lang, file, Reasons.file(e, lang)), e);
        }
    }

    private ServerConfig config(Lang lang) {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw CommandFailure.badValue("--bind", ServerCommandText.BAD_BIND.format(lang, bind), e);
        }
        // ServerConfig checks the same ranges, but in English: checked here first, in the user's language.
        checkRange(lang, OptionLimit.PORT, port);
        checkRange(lang, OptionLimit.MAX_LINE_BYTES, maxLineBytes);
        checkRange(lang, OptionLimit.IDLE_TIMEOUT_SECONDS, idleTimeoutSeconds);
        checkRange(lang, OptionLimit.MAX_CONNECTIONS_PER_ADDRESS, maxConnectionsPerAddress);
        try {
            ServerConfig config = new ServerConfig(address, port, store(lang), Optional.ofNullable(teachers), maxLineBytes,
                    Duration.ofSeconds(idleTimeoutSeconds), maxConnectionsPerAddress, lang)
                    .withCheckIns(checkIns.settings(lang))
                    .withMaterials(materials.config(lang))
                    .withTrustedProxies(web.trustedProxies(lang));
            Optional<TlsCertificate> certificate = web.certificate(lang);
            config = web.nativeTls(certificate).map(config::withTls).orElse(config);
            config = web.front(lang, maxConnectionsPerAddress, certificate).map(config::withWeb).orElse(config);
            return legacy.config(lang).map(config::withLegacy).orElse(config);
        } catch (IllegalArgumentException e) {
            // A last resort for a check added to ServerConfig and not yet here: its messages are English.
            throw new CommandFailure(ExitCodes.USAGE, ServerCommandText.BAD_CONFIG.format(lang, e.getMessage()), e);
        }
    }

    /** The store {@code --db} names: a PostgreSQL address, with its password, or else a SQLite file. */
    private StoreConfig store(Lang lang) {
        // Any scheme:// is meant as an address (postgres:// too), never as a file name to create folders for.
        if (!database.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            if (databasePasswordFile != null) {
                throw CommandFailure.badValue("--db-password-file", ServerCommandText.PASSWORD_WITHOUT_POSTGRES.format(lang));
            }
            return new StoreConfig.Embedded(Path.of(database));
        }
        PostgresAddress postgres = PostgresUrl.parse(database, lang);
        return new StoreConfig.Postgres(postgres, DatabasePassword.read(databasePasswordFile, root.terminal(), lang));
    }

    private static void checkRange(Lang lang, OptionLimit limit, long value) {
        if (!limit.allows(value)) {
            throw CommandFailure.outOfRange(lang, limit.option(), limit.min(), limit.max(), value);
        }
    }

    private static void createStoreFolder(StoreConfig store, Lang lang) {
        if (!(store instanceof StoreConfig.Embedded embedded)) {
            return; // a database server's, not a folder of this machine's
        }
        Path directory = embedded.database().toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE,
                    Text.FILE_WRITE_FAILED.format(lang, directory, Reasons.file(e, lang)), e);
        }
    }

    private ZoneId zone(Lang lang) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw CommandFailure.badValue("--zone", ServerCommandText.BAD_ZONE.format(lang, zone), e);
        }
    }

    private ChamadaServer start(ServerConfig config, ZoneId zone, Lang lang) {
        try {
            return ChamadaServer.start(config, Clock.system(zone));
        } catch (TeachersFileException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, e.message(lang), e);
        } catch (LegacyBindException e) {
            throw LegacyOptions.cannotListen(e, lang);
        } catch (BindException e) {
            throw new CommandFailure(ExitCodes.UNREACHABLE, ServerCommandText.CANNOT_LISTEN.format(lang,
                    display(new InetSocketAddress(config.bind(), config.port())),
                    ServerCommandText.REASON_ADDRESS_TAKEN.format(lang)), e);
        } catch (FileSystemException e) {
            String file = Optional.ofNullable(e.getFile()).orElse("?");
            throw new CommandFailure(ExitCodes.LOCAL_FILE, Text.FILE_READ_FAILED.format(lang, file, Reasons.file(e, lang)), e);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, ServerCommandText.CANNOT_START.format(lang, e.getMessage()), e);
        } catch (StoreUnavailableException e) {
            // The database's own words stay in the cause, shown with --verbose.
            throw new CommandFailure(e.problem() == StoreProblem.POSTGRES_UNREACHABLE ? ExitCodes.UNREACHABLE
                    : ExitCodes.LOCAL_FILE, e.message(lang), e);
        }
    }

    /**
     * Where phones open the pages; in open mode, that the teacher's pages are for this machine only;
     * with teachers and without TLS, that their passwords would cross the network in clear.
     */
    private static void printWeb(PrintWriter out, Lang lang, InetSocketAddress address, boolean tls, boolean openMode) {
        String scheme = tls ? "https://" : "http://";
        List<String> urls = StudentAddresses.reachable(address.getAddress()).stream()
                .map(a -> scheme + display(new InetSocketAddress(a, address.getPort())) + "/").toList();
        out.println(urls.isEmpty()
                ? ServerCommandText.WEB_LISTENING_LOCAL.format(lang, display(address))
                : ServerCommandText.WEB_LISTENING.format(lang, display(address), String.join("  ", urls)));
        if (openMode) {
            out.println(ServerCommandText.WEB_OPEN_MODE.format(lang, scheme + "127.0.0.1:" + address.getPort() + "/teacher"));
        } else {
            if (!tls) {
                out.println(ServerCommandText.WEB_IN_CLEAR.format(lang));
            }
            if (!urls.isEmpty()) {
                out.println(ServerCommandText.WEB_TEACHERS.format(lang, urls.getFirst() + "teacher"));
            }
        }
    }

    /** {@code 0.0.0.0:7070}, {@code [::1]:7070}. */
    static String display(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
