package chamada.store;

import chamada.rollcall.Matricula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Journal records: every write comes back as it went in, and anything that is not a whole,
 * intact record (a torn end, a flipped bit, the zeros a file system leaves) reads as no
 * record, so replay stops there; a whole record this build cannot read is refused loudly.
 * Random cases are seeded: a failing seed is in the test's name.
 */
class JournalCodecTest {

    private static final int WRITES = 500;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 2025, 31337})
    void decode_manyWritesEncodedIntoOneBuffer_givesBackTheSameWritesInOrder(long seed) {
        List<Write> writes = randomWrites(seed, WRITES);

        List<Write> decoded = Journals.decodeAll(Journals.encode(writes));

        assertThat(decoded).containsExactlyElementsOf(writes);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 2025, 31337})
    void encode_anyWrite_takesNoMoreThanMaxBytes(long seed) {
        for (Write write : randomWrites(seed, WRITES)) {
            assertThat(Journals.encode(List.of(write)).length).as("%s", write)
                    .isLessThanOrEqualTo(JournalCodec.maxBytes(write));
        }
    }

    /** A write cut short by a crash: the record before it still reads, the cut one reads as none and the position stays. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42})
    void decode_everyProperPrefixOfARecord_isEmptyAndLeavesThePosition(long seed) {
        List<Write> writes = randomWrites(seed, 100);
        for (int i = 1; i < writes.size(); i++) {
            byte[] bytes = Journals.encode(writes.subList(i - 1, i + 1));
            int second = Journals.offset(writes.subList(i - 1, i + 1), 1);
            for (int cut = second; cut < bytes.length; cut++) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, cut);
                assertThat(JournalCodec.decode(buffer)).isPresent();

                assertThat(JournalCodec.decode(buffer)).as("%s cut to %d of %d bytes", writes.get(i), cut - second,
                        bytes.length - second).isEmpty();
                assertThat(buffer.position()).isEqualTo(second);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42})
    void decode_recordWithAnyBitFlipped_isEmptyAndLeavesThePosition(long seed) {
        for (Write write : randomWrites(seed, 100)) {
            byte[] bytes = Journals.encode(List.of(write));
            for (int bit = 0; bit < bytes.length * 8; bit++) {
                byte[] damaged = bytes.clone();
                damaged[bit / 8] ^= (byte) (1 << (bit % 8));
                ByteBuffer buffer = ByteBuffer.wrap(damaged);

                assertThat(JournalCodec.decode(buffer)).as("%s with bit %d flipped", write, bit).isEmpty();
                assertThat(buffer.position()).isZero();
            }
        }
    }

    @Test
    void decode_zeros_isEmpty() {
        for (int length : new int[] {0, 1, JournalCodec.HEADER_BYTES - 1, JournalCodec.HEADER_BYTES, 4_096}) {
            ByteBuffer buffer = ByteBuffer.allocate(length);

            assertThat(JournalCodec.decode(buffer)).as("%d zeros", length).isEmpty();
            assertThat(buffer.position()).isZero();
        }
    }

    /** What a later build might journal: the checksum matches, but this build does not know the kind. */
    @Test
    void decode_intactRecordOfAnUnknownKind_throwsNamingTheKindAndLeavesThePosition() {
        byte[] body = closeBody();
        body[0] = (byte) 200;

        assertUnknown(record(body), 200);
    }

    /** A later build might add fields to a kind: whole, but not laid out as this build reads it. */
    @Test
    void decode_intactRecordWithBytesPastItsFields_throwsNamingTheKind() {
        byte[] body = closeBody();
        assertThat(JournalCodec.decode(record(body))).isPresent();

        assertUnknown(record(Arrays.copyOf(body, body.length + 1)), 3);
    }

    @Test
    void decode_intactRecordWithFewerBytesThanItsFields_throwsNamingTheKind() {
        byte[] body = closeBody();

        assertUnknown(record(Arrays.copyOf(body, body.length - 1)), 3);
    }

    @Test
    void decode_intactRecordWithAValueTheDomainRefuses_throwsNamingTheKind() {
        byte[] record = Journals.encode(List.of(new Write.CheckIn(5, new Matricula("1234"), 6)));
        byte[] body = Arrays.copyOfRange(record, JournalCodec.HEADER_BYTES, record.length);
        body[body.length - 1] = 'x'; // matrículas are digits

        assertUnknown(record(body), 2);
    }

    @Test
    void decode_lengthBeyondTheLargestRecord_isEmptyEvenWithTheBytesThere() {
        ByteBuffer buffer = record(new byte[JournalCodec.MAX_BODY_BYTES + 1]);

        assertThat(JournalCodec.decode(buffer)).isEmpty();
        assertThat(buffer.position()).isZero();
    }

    private static List<Write> randomWrites(long seed, int count) {
        Random random = new Random(seed);
        List<Write> writes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            writes.add(RandomWrites.any(random));
        }
        return writes;
    }

    /** The body of a close record, without length and checksum. */
    private static byte[] closeBody() {
        byte[] record = Journals.encode(List.of(new Write.Close(5, 6, Optional.empty())));
        return Arrays.copyOfRange(record, JournalCodec.HEADER_BYTES, record.length);
    }

    /** Decoding {@code record} throws, naming {@code kind}, and leaves the position at the record. */
    private static void assertUnknown(ByteBuffer record, int kind) {
        assertThatThrownBy(() -> JournalCodec.decode(record)).isInstanceOfSatisfying(UnknownRecordException.class,
                unknown -> assertThat(unknown.kind()).isEqualTo(kind));
        assertThat(record.position()).isZero();
    }

    /** {@code body} framed as a record with its true length and checksum. */
    private static ByteBuffer record(byte[] body) {
        return ByteBuffer.wrap(Journals.frame(body));
    }
}
