package chamada.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The journal folder and its numbered segments, tested directly: the writer only starts a new
 * segment past {@link JournalWriter#SEGMENT_BYTES} (64 MiB), too much to reach in a unit test.
 */
class JournalFilesTest {

    @TempDir
    Path dir;

    @Test
    void of_database_isTheFolderBesideItNamedAfterIt() {
        JournalFiles journal = JournalFiles.of(dir.resolve("chamada.db"));

        assertThat(journal.folder()).isEqualTo(dir.resolve("chamada.db.journal"));
        assertThat(journal.segment(12)).isEqualTo(dir.resolve("chamada.db.journal/0000000012.seg"));
    }

    @Test
    void segments_noFolderYet_isEmptyAndCreatesNothing() throws IOException {
        JournalFiles journal = JournalFiles.of(dir.resolve("chamada.db"));

        assertThat(journal.segments()).isEmpty();
        assertThat(journal.folder()).doesNotExist();
    }

    @Test
    void create_firstSegment_makesTheFolderAndAnEmptyFileOpenForAppending() throws IOException {
        JournalFiles journal = JournalFiles.of(dir.resolve("chamada.db"));

        try (FileChannel channel = journal.create(1)) {
            channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        }

        assertThat(journal.segment(1)).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(journal.segments()).containsExactly(1L);
    }

    @Test
    void create_numberThatExists_isRefusedAndLeavesTheSegmentAsItWas() throws IOException {
        JournalFiles journal = JournalFiles.of(dir.resolve("chamada.db"));
        try (FileChannel channel = journal.create(3)) {
            channel.write(ByteBuffer.wrap(new byte[] {7}));
        }

        assertThatThrownBy(() -> journal.create(3)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(journal.segment(3)).hasBinaryContent(new byte[] {7});
    }

    /** Numerically, not as created: replay reads them in this order. */
    @Test
    void segments_createdOutOfOrder_listInNumberOrder() throws IOException {
        JournalFiles journal = JournalFiles.of(dir.resolve("chamada.db"));
        for (long number : new long[] {10, 2, 9_999_999_999L, 1, 100}) {
            journal.create(number).close();
        }

        assertThat(journal.segments()).containsExactly(1L, 2L, 10L, 100L, 9_999_999_999L);
    }

    @Test
    void segments_folderWithOtherFiles_listsOnlyTenDigitSegments() throws IOException {
        JournalFiles journal = JournalFiles.of(dir.resolve("chamada.db"));
        journal.create(4).close();
        for (String other : new String[] {"1.seg", "00000000002.seg", "0000000003.seg.tmp", "000000000x.seg",
                "notes.txt"}) {
            Files.writeString(journal.folder().resolve(other), "not a segment");
        }

        assertThat(journal.segments()).containsExactly(4L);
    }

    @Test
    void deleteBelow_number_deletesOnlySegmentsNumberedBelowIt() throws IOException {
        JournalFiles journal = JournalFiles.of(dir.resolve("chamada.db"));
        for (long number = 1; number <= 5; number++) {
            journal.create(number).close();
        }
        Path other = Files.writeString(journal.folder().resolve("notes.txt"), "kept");

        journal.deleteBelow(4);

        assertThat(journal.segments()).containsExactly(4L, 5L);
        assertThat(other).exists();
    }

    @Test
    void deleteBelow_noSegmentBelow_deletesNothing() throws IOException {
        JournalFiles journal = JournalFiles.of(dir.resolve("chamada.db"));
        journal.create(7).close();

        journal.deleteBelow(7);
        journal.deleteBelow(1);

        assertThat(journal.segments()).containsExactly(7L);
    }

    @Test
    void deleteBelow_noFolder_isHarmless() throws IOException {
        JournalFiles journal = JournalFiles.of(dir.resolve("chamada.db"));

        journal.deleteBelow(10);

        assertThat(journal.folder()).doesNotExist();
    }
}
