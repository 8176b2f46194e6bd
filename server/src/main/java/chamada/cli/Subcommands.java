package chamada.cli;

import picocli.CommandLine.Command;

import java.util.List;

/**
 * The subcommands of {@code chamada}, and which of them a command line needs built.
 *
 * <p>picocli builds the model of every command it is given, by reflection, before it parses
 * anything: the ten commands the server does not need cost it a measurable part of its start-up
 * (BENCHMARKS.md, "Start-up").
 * When the arguments name a subcommand after nothing but the top command's own
 * {@code --lang} and {@code --verbose}, picocli will run that subcommand and never look at the
 * others, so only it is built. Otherwise (no subcommand, {@code --help}, {@code --version}, a
 * mistake) all are, so that help and error messages list them all.
 */
final class Subcommands {

    /** In the order {@code chamada --help} lists them. */
    static final List<Class<?>> ALL =
            List.of(TeacherCommand.class, StudentCommand.class, AdminCommand.class, ServerCommand.class, ConfigCommand.class,
                    MigrateCommand.class, BackupCommand.class, RestoreCommand.class,
                    BenchJarCommand.class);

    private Subcommands() {
    }

    /** The subcommands to build for {@code args}: the one they name, or all. */
    static List<Class<?>> needed(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--lang")) {
                i++;
            } else if (!arg.equals("--verbose") && !arg.startsWith("--lang=")) {
                return ALL.stream().filter(command -> name(command).equals(arg)).<List<Class<?>>>map(List::of)
                        .findFirst().orElse(ALL);
            }
        }
        return ALL;
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }
}
