package chamada.cli;

import chamada.i18n.Lang;
import chamada.store.StoreProblem;
import chamada.store.StoreUnavailableException;
import chamada.store.postgres.FromEmbedded;
import chamada.store.postgres.PostgresAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * {@code chamada migrate --from FILE --to postgresql://...}: copies an embedded store into
 * PostgreSQL ({@link FromEmbedded}) and prints what it counted on both sides. Run it with the
 * embedded server stopped; it may be run again, and then says the data is already there.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        header = "Copy an embedded store (SQLite file and journal) into PostgreSQL.",
        description = "Stop the server using the file first. Everything is copied in one transaction, roll-call ids"
                + " and the teachers' session key included, then counted again in PostgreSQL. Safe to run again:"
                + " a database that already holds the same is left as it is, one holding anything else is refused.")
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    private ChamadaCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE",
            description = "The embedded store's SQLite file (its journal folder beside it is applied first).")
    private Path from;

    @Option(names = "--to", required = true, paramLabel = "URL",
            description = "postgresql://USER@HOST[:PORT][,HOST2[:PORT]...]/DB[?PARAMS], as the server's --db.")
    private String to;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "File holding the PostgreSQL password (its first line). Without it, CHAMADA_DB_PASSWORD.")
    private Path passwordFile;

    @Override
    public Integer call() {
        Lang lang = root.lang();
        PostgresAddress address = PostgresUrl.parse(to, lang);
        if (!Files.isRegularFile(from)) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, MigrateText.NO_SUCH_STORE.format(lang, from));
        }
        PrintWriter out = spec.commandLine().getOut();
        FromEmbedded.Outcome outcome;
        try {
            outcome = FromEmbedded.copy(from, address, DatabasePassword.read(passwordFile, root.terminal(), lang));
        } catch (StoreUnavailableException e) {
            throw new CommandFailure(e.problem() == StoreProblem.POSTGRES_UNREACHABLE ? ExitCodes.UNREACHABLE
                    : ExitCodes.LOCAL_FILE, e.message(lang), e);
        } catch (SQLException e) {
            throw new CommandFailure(ExitCodes.UNREACHABLE, MigrateText.COPY_FAILED.format(lang, address,
                    String.valueOf(e.getMessage())), e);
        }
        FromEmbedded.Counts counts = outcome.counts();
        return switch (outcome) {
            case FromEmbedded.Outcome.Copied copied -> {
                out.println(MigrateText.COPIED.format(lang, counts.rollCalls(), counts.open(), counts.checkIns(),
                        counts.replacements(), from, address, counts.rosterStudents(), counts.statuses(), counts.audit()));
                yield ExitCodes.OK;
            }
            case FromEmbedded.Outcome.AlreadyThere already -> {
                out.println(MigrateText.ALREADY_THERE.format(lang, address, counts.rollCalls(), counts.open(),
                        counts.checkIns(), counts.replacements()));
                yield ExitCodes.OK;
            }
            case FromEmbedded.Outcome.TargetNotEmpty notEmpty -> throw new CommandFailure(ExitCodes.REFUSED,
                    MigrateText.TARGET_NOT_EMPTY.format(lang, address, notEmpty.target().rollCalls(),
                            notEmpty.target().checkIns(), from, counts.rollCalls(), counts.checkIns()));
            case FromEmbedded.Outcome.NodesRunning running -> throw new CommandFailure(ExitCodes.REFUSED,
                    MigrateText.NODES_RUNNING.format(lang, address, running.nodes()));
        };
    }
}
