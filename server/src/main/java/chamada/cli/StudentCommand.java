package chamada.cli;

import chamada.i18n.Lang;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code chamada student}: with {@code checkin}, one check-in; alone, the interactive
 * student screen of the seed ({@link StudentConsole}), where many students share one
 * terminal.
 */
@Command(name = "student",
        mixinStandardHelpOptions = true,
        header = "Check in to an open roll call (interactive without a subcommand).",
        description = "Without a subcommand: an interactive screen that asks matrícula and class again and again,"
                + " for many students sharing one terminal.",
        subcommands = {StudentCheckInCommand.class, StudentMessageCommand.class, StudentFilesCommand.class,
                StudentDownloadCommand.class})
final class StudentCommand implements Callable<Integer> {

    @ParentCommand
    private ChamadaCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServerAddress address;

    /** The interactive screen. */
    @Override
    public Integer call() {
        try (Link link = link()) {
            return new StudentConsole(root.terminal(), link, lang(), spec.commandLine().getOut(),
                    spec.commandLine().getErr()).run();
        }
    }

    Lang lang() {
        return root.lang();
    }

    Terminal terminal() {
        return root.terminal();
    }

    /** The material actions over {@code link}, printing to {@code command}'s writers. */
    ClassMaterials materials(Link link, CommandSpec command) {
        return new ClassMaterials(link, lang(), command.commandLine().getOut(), command.commandLine().getErr());
    }

    /** Students never log in. */
    Link link() {
        return new Link(address, lang(), Optional.empty());
    }
}
