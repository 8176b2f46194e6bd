package chamada.testing;

import chamada.materials.MaterialFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The class materials' folder of an application built by a test. */
public final class TestMaterials {

    private TestMaterials() {
    }

    /** A material folder in {@code dir}, created. */
    public static MaterialFolder folderIn(Path dir) {
        try {
            return MaterialFolder.at(dir.resolve("materials"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
