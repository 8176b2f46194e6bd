package chamada.cli;

import chamada.i18n.Lang;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code chamada config}: the server's config file. */
@Command(name = "config", mixinStandardHelpOptions = true, header = "Check a config file of chamada server.",
        subcommands = ConfigCommand.Check.class)
final class ConfigCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** {@code chamada config} alone is a usage error: say what its subcommand is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * {@code chamada config check FILE}: reads the file and checks every option in it as
     * {@code chamada server --config FILE} would before starting, without starting: the same
     * refusals, with the file's line.
     */
    @Command(name = "check", mixinStandardHelpOptions = true,
            header = "Check a config file of chamada server without starting the server.")
    static final class Check implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "FILE", descriptionKey = "CONFIG_FILE", description = "The config file to check.")
        private Path file;

        @Override
        public Integer call() {
            ChamadaCommand root = ChamadaCommand.of(spec);
            Lang lang = root.lang();
            Parsed parsed = parse(file, root.terminal(), lang);
            try {
                parsed.command().check();
            } catch (CommandFailure e) {
                throw new CommandFailure(e.exitCode(), parsed.origin().describe(e, lang), e);
            }
            spec.commandLine().getOut().println(ConfigText.VALID.format(lang, file, parsed.options()));
            return ExitCodes.OK;
        }
    }

    /** A config file read into {@code chamada server}'s options, not yet checked: what the file holds, and where. */
    record Parsed(ServerCommand command, ConfigOrigin origin, int options) {
    }

    /**
     * Reads {@code file} and parses its options as {@code chamada server --config FILE} does;
     * a file that cannot be read, is not one option per line, or holds an option its parser
     * refuses, ends the command (a {@link CommandFailure}) with the file's line.
     */
    static Parsed parse(Path file, Terminal terminal, Lang lang) {
        CommandLine server = Main.commandLine(terminal, List.of(ServerCommand.class),
                PortugueseHelp::new, "--lang", lang.tag(), ServerArguments.SERVER);
        ConfigFile config = ConfigFile.read(file, lang);
        Map<String, ConfigFile.Entry> fromFile = new HashMap<>();
        List<String> args = new ArrayList<>(List.of("--lang", lang.tag(), ServerArguments.SERVER));
        args.addAll(ServerArguments.fromFile(server.getSubcommands().get(ServerArguments.SERVER).getCommandSpec(),
                config, List.of(), fromFile, lang));
        ConfigOrigin origin = new ConfigOrigin(Optional.of(file), fromFile);
        try {
            CommandLine.ParseResult parsed = server.parseArgs(args.toArray(String[]::new));
            return new Parsed((ServerCommand) parsed.subcommand().commandSpec().userObject(), origin,
                    config.entries().size());
        } catch (ParameterException e) {
            throw new CommandFailure(ExitCodes.USAGE, UsageErrorHandler.describe(e, origin, lang), e);
        }
    }
}
