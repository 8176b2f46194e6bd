package chamada.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The journal's folder, {@code <database>.journal}, and its numbered segment files.
 *
 * <p>Segments are named {@code 0000000001.seg}, {@code 0000000002.seg}, ... so that a listing
 * sorts in write order; a segment is only ever appended to by the server that created it,
 * and deleted once every record in it is in SQLite. Creating or deleting one also fsyncs the
 * folder, so that after a power cut the folder lists exactly the segments written to.
 */
final class JournalFiles {

    private static final Pattern SEGMENT = Pattern.compile("([0-9]{10})\\.seg");

    private final Path folder;

    private JournalFiles(Path folder) {
        this.folder = folder;
    }

    /**
     * The journal of {@code database}. Its folder is made with the first segment, so a file
     * refused as a database leaves nothing behind.
     */
    static JournalFiles of(Path database) {
        return new JournalFiles(database.resolveSibling(database.getFileName() + ".journal"));
    }

    Path folder() {
        return folder;
    }

    Path segment(long number) {
        return folder.resolve(String.format("%010d.seg", number));
    }

    /** The numbers of the segments present, in write order. */
    List<Long> segments() throws IOException {
        List<Long> numbers = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return numbers;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher name = SEGMENT.matcher(file.getFileName().toString());
                if (name.matches()) {
                    numbers.add(Long.parseLong(name.group(1)));
                }
            }
        }
        numbers.sort(null);
        return numbers;
    }

    /** Creates segment {@code number}, which must not exist, open for appending. */
    FileChannel create(long number) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            syncParent();
        }
        FileChannel channel = FileChannel.open(segment(number), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            syncFolder();
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return channel;
    }

    /** Deletes every segment numbered below {@code number}: all their records are in SQLite. */
    void deleteBelow(long number) throws IOException {
        boolean deleted = false;
        for (long segment : segments()) {
            if (segment < number) {
                deleted |= Files.deleteIfExists(segment(segment));
            }
        }
        if (deleted) {
            syncFolder();
        }
    }

    private void syncFolder() throws IOException {
        sync(folder);
    }

    private void syncParent() throws IOException {
        sync(folder.toAbsolutePath().getParent());
    }

    private static void sync(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
