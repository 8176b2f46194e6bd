package chamada.store;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the journal's record codec as replay reads a segment (issue 16, RELIABILITY.md
 * "Fuzzing"). The input is used twice: as a segment's bytes after its header, read record after
 * record as replay does, and as the body of one record whose length and checksum are right, so
 * that the fuzzer reaches the fields (random bytes almost never carry a matching CRC-32C). The
 * only outcomes allowed are the end of the journal (empty, nothing consumed), a write, or
 * {@link UnknownRecordException} (replay then stops the start-up, saying so), with the position
 * left where it was; and a write read back must be written again to a record that reads back as
 * the same write.
 */
class JournalCodecFuzzTest {

    @FuzzTest
    void recordBytes_becomeWritesOrAreRefused(byte[] input) {
        replay(ByteBuffer.wrap(input));
        ByteBuffer record = ByteBuffer.allocate(JournalCodec.HEADER_BYTES + input.length);
        CRC32C crc = new CRC32C();
        crc.update(input);
        record.putInt(input.length).putInt((int) crc.getValue()).put(input).flip();
        readOne(record).ifPresent(JournalCodecFuzzTest::writtenAgain_readsTheSame);
    }

    /** Reads records until the journal's end or one this build refuses, as replay does. */
    private static void replay(ByteBuffer segment) {
        while (true) {
            Optional<Write> write = readOne(segment);
            if (write.isEmpty()) {
                return;
            }
        }
    }

    private static Optional<Write> readOne(ByteBuffer in) {
        int before = in.position();
        try {
            Optional<Write> write = JournalCodec.decode(in);
            if (write.isEmpty()) {
                assertThat(in.position()).as("the journal's end consumes nothing").isEqualTo(before);
            } else {
                assertThat(in.position()).as("a record is consumed").isGreaterThan(before);
            }
            return write;
        } catch (UnknownRecordException refused) {
            assertThat(in.position()).as("a refused record consumes nothing").isEqualTo(before);
            assertThat(refused.kind()).isBetween(0, 255);
            return Optional.empty();
        }
    }

    private static void writtenAgain_readsTheSame(Write write) {
        ByteBuffer out = ByteBuffer.allocate(JournalCodec.maxBytes(write));
        JournalCodec.encode(write, out);
        out.flip();
        assertThat(JournalCodec.decode(out)).as("%s written again", write).contains(write);
        assertThat(out.hasRemaining()).isFalse();
    }
}
