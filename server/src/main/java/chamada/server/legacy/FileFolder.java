package chamada.server.legacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder the legacy file download serves ({@code --legacy-files}): its regular files,
 * directly inside it, read as UTF-8 text.
 *
 * <p>Nothing outside the folder can be reached: a name is only ever one of those the listing
 * returned, a symbolic link is neither listed nor followed (the file is opened with
 * {@link LinkOption#NOFOLLOW_LINKS}, so a file swapped for a link after the listing is
 * refused too), subfolders are not listed, and neither are hidden files (names starting
 * with {@code .}, such as {@code .gitkeep}) nor names with control characters, which would
 * break the menu's lines. Thread-safe: it keeps no state but the path.
 */
final class FileFolder implements LegacyFiles {

    private static final Logger log = LoggerFactory.getLogger(FileFolder.class);

    private final Path folder;

    FileFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    Path path() {
        return folder;
    }

    @Override
    public String describe() {
        return folder.toString();
    }

    /** The names offered, sorted; empty (and a warning logged) when the folder cannot be read. */
    @Override
    public List<String> names() {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries
                    .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .map(path -> path.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && name.chars().noneMatch(Character::isISOControl))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            log.warn("Cannot list the legacy files folder {}: {}", folder, e.toString());
            return List.of();
        }
    }

    @Override
    public Content read(String name) {
        Path file = folder.resolve(name);
        if (!folder.equals(file.getParent()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Content.Gone();
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            log.debug("Cannot read legacy file {}: {}", file, e.toString());
            return new Content.Gone();
        }
        return Content.of(bytes);
    }
}
