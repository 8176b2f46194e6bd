package chamada.cli;

import chamada.i18n.Lang;
import chamada.materials.MaterialLimits;
import chamada.server.MaterialsConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The class-material options of {@code chamada server}, a picocli mixin of {@link ServerCommand}:
 * where the files live and how large they may be.
 */
final class MaterialOptions {

    /** A terabyte: more than any school's disk for one class, and no overflow in bytes. */
    static final long MAX_MB = 1L << 20;

    @Option(names = "--materials", paramLabel = "DIR",
            description = "Folder of the class materials' files, created if missing (default: materials beside the"
                    + " database file; with PostgreSQL, " + MaterialsConfig.CLUSTER_DEFAULT + ", and every node"
                    + " must name the same shared folder).")
    private Path folder;

    @Option(names = "--max-material-mb", paramLabel = "MB", defaultValue = "" + MaterialLimits.DEFAULT_MAX_FILE_MB,
            description = "The largest file a teacher may publish, in MiB (default: ${DEFAULT-VALUE}).")
    private long maxFileMb;

    @Option(names = "--max-class-materials-mb", paramLabel = "MB", defaultValue = "" + MaterialLimits.DEFAULT_MAX_CLASS_MB,
            description = "The most a class's materials may take together, in MiB (default: ${DEFAULT-VALUE}).")
    private long maxClassMb;

    MaterialsConfig config(Lang lang) {
        if (maxFileMb < 1 || maxFileMb > MAX_MB) {
            throw CommandFailure.outOfRange(lang, "--max-material-mb", 1, MAX_MB, maxFileMb);
        }
        if (maxClassMb < maxFileMb || maxClassMb > MAX_MB) {
            throw CommandFailure.outOfRange(lang, "--max-class-materials-mb", maxFileMb, MAX_MB, maxClassMb);
        }
        return new MaterialsConfig(Optional.ofNullable(folder),
                new MaterialLimits(maxFileMb * MaterialLimits.MIB, maxClassMb * MaterialLimits.MIB));
    }
}
