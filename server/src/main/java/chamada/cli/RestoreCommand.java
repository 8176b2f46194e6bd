package chamada.cli;

import chamada.backup.BackupArchive;
import chamada.backup.BackupRefusedException;
import chamada.backup.BackupText;
import chamada.i18n.HumanTime;
import chamada.i18n.Lang;
import chamada.materials.MaterialFolder;
import chamada.materials.MaterialLimits;
import chamada.server.MaterialsConfig;
import chamada.server.StoreConfig;
import chamada.store.SqliteRollCallStore;
import chamada.store.StoreUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code chamada restore FILE --db DB [--materials DIR] [--force]}: puts a backup back into a
 * stopped store. The store's journal goes with the old database, so nothing older is replayed onto
 * the backup; the materials folder then holds exactly the backup's files. A store that holds data
 * is replaced only with {@code --force}. The store is opened once at the end, as a server would
 * open it, so a backup this Chamada cannot serve is said here rather than at the next start.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        header = "Put a backup back into a stopped store (the server's --db).",
        description = "Refuses a store that holds data unless --force is given; the server must be stopped.")
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    private ChamadaCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "BACKUP_FILE", description = "The archive chamada backup wrote.")
    private Path archive;

    @Option(names = "--db", required = true, paramLabel = "FILE",
            description = "The store's SQLite file, as the server's --db; created if missing.")
    private Path database;

    @Option(names = "--materials", paramLabel = "DIR",
            description = "The store's materials folder (default: materials beside the --db file), as the server's.")
    private Path materials;

    @Option(names = "--force", description = "Replace a store that holds data: its database, journal and materials.")
    private boolean force;

    @Override
    public Integer call() {
        Lang lang = root.lang();
        // The server's own default, so that a backup or a restore finds the folder a server on --db uses.
        Path folder = new MaterialsConfig(Optional.ofNullable(materials), MaterialLimits.defaults())
                .folderFor(new StoreConfig.Embedded(database));
        try (BackupArchive.Contents contents = BackupArchive.open(archive)) {
            MaterialFolder materialFolder = MaterialFolder.at(folder);
            if (!force && (SqliteRollCallStore.holdsData(database) || !materialFolder.keys().isEmpty())) {
                throw new CommandFailure(ExitCodes.REFUSED, BackupText.NOT_EMPTY.format(lang, database));
            }
            Path copy = database.toAbsolutePath().resolveSibling(database.getFileName() + ".restoring");
            Files.createDirectories(copy.getParent());
            Files.deleteIfExists(copy);
            try {
                contents.extractDatabase(copy);
                // Checked before anything is replaced: a backup this Chamada cannot serve leaves the store as it was.
                SqliteRollCallStore.check(copy, ZoneId.systemDefault());
                SqliteRollCallStore.replaceDatabase(database, copy);
            } finally {
                Files.deleteIfExists(copy);
            }
            int files = contents.extractMaterials(materialFolder);
            spec.commandLine().getOut().println(BackupText.RESTORED.format(lang, archive, HumanTime.format(contents.takenAt()),
                    contents.server(), database, files, folder));
            ownerHint(lang, database, folder).ifPresent(spec.commandLine().getOut()::println);
            return ExitCodes.OK;
        } catch (BackupRefusedException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, e.message(lang), e);
        } catch (StoreUnavailableException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, e.message(lang), e);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, BackupText.CANNOT_RESTORE.format(lang, database, e.toString()),
                    e);
        }
    }

    /**
     * What to run when the restored files belong to another user than the database's folder: root
     * restoring the service's store writes root's files, which the service's user cannot open (the
     * server then stops at start, exit 4). Empty where the owners agree or the file system has none,
     * and where the folder is root's (a shared one such as /tmp): a server running as root opens
     * any file, and "chown -R root:" on such a folder would take every other user's files in it.
     */
    static Optional<String> ownerHint(Lang lang, Path database, Path materials) {
        try {
            Path folder = database.toAbsolutePath().getParent();
            UserPrincipal folderOwner = Files.getOwner(folder);
            UserPrincipal restoredOwner = Files.getOwner(database);
            if (folderOwner.equals(restoredOwner) || Integer.valueOf(0).equals(Files.getAttribute(folder, "unix:uid"))) {
                return Optional.empty();
            }
            Path materialsFolder = materials.toAbsolutePath();
            String paths = materialsFolder.startsWith(folder) ? folder.toString() : folder + " " + materialsFolder;
            return Optional.of(BackupText.OWNER_DIFFERS.format(lang, restoredOwner.getName(), folder,
                    folderOwner.getName(), paths));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
