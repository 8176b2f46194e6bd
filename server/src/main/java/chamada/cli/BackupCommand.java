package chamada.cli;

import chamada.backup.Backup;
import chamada.backup.BackupArchive;
import chamada.backup.BackupService;
import chamada.backup.BackupText;
import chamada.i18n.HumanSize;
import chamada.i18n.HumanTime;
import chamada.i18n.Lang;
import chamada.materials.MaterialFolder;
import chamada.materials.MaterialLimits;
import chamada.protocol.Response;
import chamada.protocol.Wire;
import chamada.server.MaterialsConfig;
import chamada.server.StoreConfig;
import chamada.store.SqliteRollCallStore;
import chamada.store.StoreProblem;
import chamada.store.StoreUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

/**
 * {@code chamada backup --to FILE}: a consistent copy of a server's data in one archive, asked of
 * the running server by an administrator, or, with {@code --db}, read from a stopped store. The
 * archive is written to {@code FILE.part} and renamed only once whole (and, from a server, its
 * SHA-256 checked), so a file of that name is always a complete backup.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        header = "Back up a server's data (database and materials), while it serves or stopped.",
        description = "Asks the running server for a consistent copy (administrators only; in open mode, from the"
                + " server's machine), holding every change it acknowledged before it answered; or, with --db, reads"
                + " a stopped store. chamada restore puts it back. On PostgreSQL use pg_dump (docs/SCALING.md).")
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    private ChamadaCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private TeacherLogin teacherLogin;

    @Option(names = "--to", required = true, paramLabel = "FILE",
            description = "Where to write the archive (a ZIP file); it must not exist yet.")
    private Path target;

    @Option(names = "--db", paramLabel = "FILE",
            description = "Back up this stopped store's SQLite file instead of asking a server; no server may be using it.")
    private Path database;

    @Option(names = "--materials", paramLabel = "DIR",
            description = "With --db: the store's materials folder (default: materials beside the --db file).")
    private Path materials;

    @Override
    public Integer call() {
        Lang lang = root.lang();
        if (Files.exists(target)) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, BackupText.TARGET_EXISTS.format(lang, target));
        }
        if (materials != null && database == null) {
            throw new CommandFailure(ExitCodes.USAGE, BackupText.MATERIALS_WITHOUT_DB.format(lang));
        }
        Path folder = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, BackupText.NO_SUCH_FOLDER.format(lang, folder));
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.deleteIfExists(part);
            Backup backup = database != null ? fromStoppedStore(lang, part) : fromServer(lang, part);
            if (backup == null) {
                return ExitCodes.REFUSED;
            }
            // A link, not a rename: it fails rather than replace a file of that name made meanwhile.
            Files.createLink(target, part);
            spec.commandLine().getOut().println(BackupText.BACKED_UP.format(lang, target,
                    HumanSize.format(backup.size()), backup.sha256(), HumanTime.format(backup.at()), backup.materials()));
            return ExitCodes.OK;
        } catch (FileAlreadyExistsException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, BackupText.TARGET_EXISTS.format(lang, target), e);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, BackupText.CANNOT_WRITE.format(lang, part, e.toString()), e);
        } finally {
            deleteQuietly(part);
        }
    }

    /** The server's archive, its SHA-256 checked as it arrives; null if refused, the refusal printed. */
    private Backup fromServer(Lang lang, Path part) throws IOException {
        MessageDigest sha256 = BackupArchive.newSha256();
        Response reply;
        try (Link link = teacherLogin.link(spec, lang, root.terminal());
             OutputStream out = new DigestOutputStream(Files.newOutputStream(BackupArchive.createPrivate(part)), sha256)) {
            reply = link.backup(out);
        }
        if (!(reply instanceof Response.Backup backup)) {
            return reply instanceof Response.Failure failure
                    ? printRefusal(lang, failure) : null;
        }
        String received = HexFormat.of().formatHex(sha256.digest());
        if (!received.equals(backup.sha256())) {
            throw new CommandFailure(ExitCodes.UNREACHABLE, BackupText.CORRUPT.format(lang, backup.sha256(), received));
        }
        return new Backup(part, backup.size(), backup.sha256(), backup.at(), backup.materialFiles());
    }

    private Backup printRefusal(Lang lang, Response.Failure failure) {
        Refusals.print(spec.commandLine().getErr(), lang, failure);
        return null;
    }

    /**
     * The stopped store's copy: its files are copied aside under its lock, and the copy is opened as
     * a server would open it (its journal replayed, its schema brought up to date), so the store
     * itself is left as the Chamada that wrote it left it.
     */
    private Backup fromStoppedStore(Lang lang, Path part) throws IOException {
        // The server's own default, so that a backup or a restore finds the folder a server on --db uses.
        Path folder = new MaterialsConfig(Optional.ofNullable(materials), MaterialLimits.defaults())
                .folderFor(new StoreConfig.Embedded(database));
        if (!Files.isRegularFile(database)) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, BackupText.NO_SUCH_STORE.format(lang, database));
        }
        Path aside = BackupArchive.privateFolder(part.toAbsolutePath().getParent());
        try {
            Path copy = SqliteRollCallStore.copyStoppedStore(database, aside);
            try (SqliteRollCallStore store = SqliteRollCallStore.open(copy, Clock.systemDefaultZone().getZone())) {
                return new BackupService(store, MaterialFolder.at(folder), Clock.systemDefaultZone(), Wire.serverVersion())
                        .write(part).join();
            }
        } catch (StoreUnavailableException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, e.problem() == StoreProblem.IN_USE
                    ? BackupText.STORE_IN_USE.format(lang, database) : e.message(lang), e);
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        } finally {
            BackupArchive.deleteFolder(aside);
        }
    }


    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A .part left behind says itself what it is.
        }
    }
}
