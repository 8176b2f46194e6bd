package chamada.cli;

import chamada.i18n.Lang;
import chamada.server.ChamadaServer;
import chamada.server.legacy.LegacyBindException;
import chamada.server.legacy.LegacyConfig;
import chamada.server.legacy.LegacyPort;
import chamada.server.legacy.LegacyServer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code --legacy} options of {@code chamada server}, a picocli mixin of
 * {@link ServerCommand}: they make the legacy part of the server's config, and the lines
 * that say where the legacy ports listen.
 *
 * <p>Off by default, because the seeds' formats carry no authentication. A {@code --legacy-*}
 * option without {@code --legacy} is a usage error rather than silently ignored or silently
 * turning the legacy ports on.
 */
final class LegacyOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--legacy",
            description = "Also speak the seeds' wire protocols, without authentication: their roll call,"
                    + " messages and file download, each on its own port.")
    private boolean enabled;

    @Option(names = "--legacy-bind", paramLabel = "ADDRESS", defaultValue = LegacyConfig.DEFAULT_BIND,
            description = "Address of the legacy ports (default: ${DEFAULT-VALUE}, every IPv4 interface:"
                    + " the seeds' clients connect to the address of this machine's name, often not 127.0.0.1).")
    private String bind;

    @Option(names = "--legacy-port", paramLabel = "PORT", defaultValue = "" + LegacyConfig.DEFAULT_ROLL_CALL_PORT,
            description = "Port of the seeds' roll call, for teacher.py and student.py (default: ${DEFAULT-VALUE}).")
    private int rollCallPort;

    @Option(names = "--legacy-messages-port", paramLabel = "PORT",
            defaultValue = "" + LegacyConfig.DEFAULT_MESSAGES_PORT,
            description = "Port of the seeds' messages (default: ${DEFAULT-VALUE}).")
    private int messagesPort;

    @Option(names = "--legacy-files-port", paramLabel = "PORT", defaultValue = "" + LegacyConfig.DEFAULT_FILES_PORT,
            description = "Port of the seeds' file download (default: ${DEFAULT-VALUE}).")
    private int filesPort;

    @Option(names = "--legacy-files", paramLabel = "DIR", defaultValue = LegacyConfig.DEFAULT_FILES_FOLDER,
            description = "Folder whose files the legacy file download offers, created if missing"
                    + " (default: ${DEFAULT-VALUE}, relative to the working directory).")
    private Path filesFolder;

    @Option(names = "--legacy-messages-class", paramLabel = "CLASS",
            description = "Keep what the seeds' message client sends in this class's inbox, as anonymous messages"
                    + " (the class must take them: chamada teacher defaults CLASS --anonymous-messages on); without it,"
                    + " the messages are only logged.")
    private String messagesClass;

    @Option(names = "--legacy-files-class", paramLabel = "CLASS",
            description = "Offer this class's materials (chamada teacher upload) on the file download, instead of the"
                    + " files of --legacy-files; the seed's client takes text files of up to 1 MB.")
    private String filesClass;

    @Option(names = "--legacy-idle-timeout", paramLabel = "SECONDS",
            defaultValue = "" + LegacyConfig.DEFAULT_IDLE_TIMEOUT_SECONDS,
            description = "Close a legacy connection after this many seconds without a message"
                    + " (default: ${DEFAULT-VALUE}: a seed client keeps its connection for the whole class).")
    private long idleTimeoutSeconds;

    /**
     * The legacy part of the config: empty without {@code --legacy}. Creates the files folder.
     *
     * @throws CommandFailure           for a {@code --legacy-*} option without {@code --legacy},
     *                                  an unknown address, or a folder that cannot be created
     * @throws IllegalArgumentException for a value {@link LegacyConfig} refuses, naming the option
     */
    Optional<LegacyConfig> config(Lang lang) {
        if (!enabled) {
            for (String option : List.of("--legacy-bind", "--legacy-port", "--legacy-messages-port",
                    "--legacy-files-port", "--legacy-files", "--legacy-messages-class", "--legacy-files-class",
                    "--legacy-idle-timeout")) {
                if (command.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw CommandFailure.badValue(option, LegacyOptionsText.NEEDS_LEGACY.format(lang, option));
                }
            }
            return Optional.empty();
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw CommandFailure.badValue("--legacy-bind", LegacyOptionsText.BAD_BIND.format(lang, bind), e);
        }
        LegacyConfig config = new LegacyConfig(address, rollCallPort, messagesPort, filesPort, filesFolder,
                Duration.ofSeconds(idleTimeoutSeconds));
        if (messagesClass != null) {
            config = config.withMessagesClass(Inputs.classId(command, lang, messagesClass));
        }
        if (filesClass != null) {
            config = config.withFilesClass(Inputs.classId(command, lang, filesClass));
        }
        try {
            Files.createDirectories(filesFolder);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE,
                    Text.FILE_WRITE_FAILED.format(lang, filesFolder, Reasons.file(e, lang)), e);
        }
        return Optional.of(config);
    }

    /** Says where the legacy ports listen and which folder they serve; nothing when they are off. */
    void printListening(ChamadaServer server, PrintWriter out, Lang lang) {
        server.legacy().ifPresent(legacy -> {
            out.println(LegacyOptionsText.LISTENING.format(lang, address(legacy, LegacyPort.ROLL_CALL),
                    address(legacy, LegacyPort.MESSAGES), address(legacy, LegacyPort.FILES)));
            out.println(legacy.filesClass().map(classId -> LegacyOptionsText.FILES_OF_CLASS.format(lang, classId))
                    .orElseGet(() -> LegacyOptionsText.FILES.format(lang, legacy.filesFolder())));
        });
    }

    /** The one line for a legacy port that cannot be bound. */
    static CommandFailure cannotListen(LegacyBindException e, Lang lang) {
        return new CommandFailure(ExitCodes.UNREACHABLE, LegacyOptionsText.CANNOT_LISTEN.format(lang,
                ServerCommand.display(e.address()), LegacyOptionsText.of(e.port()).format(lang),
                ServerCommandText.REASON_ADDRESS_TAKEN.format(lang), e.port().option()), e);
    }

    private static String address(LegacyServer legacy, LegacyPort port) {
        return ServerCommand.display(legacy.address(port));
    }
}
