package chamada.protocol.legacy;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the seeds' wire formats as the legacy ports read them (issue 16, RELIABILITY.md
 * "Fuzzing"): the same bytes go to each port's reading. The roll call's are cut into messages
 * where {@link LegacyRollCallCodec#messageEnd} says, as {@code RollCallFramer} cuts them, and
 * each message is checked as UTF-8 and decoded; the message port's first 64 bytes are a
 * {@link MessageFraming} header; the file port's first 128, an index among as many files as the
 * first byte says. Every outcome must be a value or the format's own refusal text: these codecs
 * throw nothing for what a client sends, so any exception is a crash.
 */
class LegacyCodecsFuzzTest {

    @FuzzTest
    void receivedBytes_becomeMessagesOrRefusals(byte[] received) {
        rollCall(received);
        if (received.length >= MessageFraming.HEADER_BYTES) {
            byte[] header = Arrays.copyOf(received, MessageFraming.HEADER_BYTES);
            MessageFraming.length(header).ifPresentOrElse(
                    length -> assertThat(length).isBetween(0, 999_999_999),
                    () -> assertThat(LegacyText.BAD_HEADER.format(MessageFraming.echo(header))).isNotBlank());
        }
        if (received.length > 0) {
            int count = Byte.toUnsignedInt(received[0]);
            String choice = new String(received, 1, Math.min(received.length - 1, FileDownloadCodec.MAX_CHOICE_BYTES),
                    StandardCharsets.US_ASCII);
            switch (FileDownloadCodec.choice(choice, count)) {
                case FileDownloadCodec.Choice.Chosen chosen -> assertThat(chosen.index()).isBetween(0, count - 1);
                case FileDownloadCodec.Choice.Refused refused -> assertThat(refused.reply()).isNotBlank();
            }
            FileDownloadCodec.couldContinue(choice, count);
        }
    }

    /** Every message in {@code received}, as the roll-call port frames and answers them. */
    private static void rollCall(byte[] received) {
        int start = 0;
        while (start < received.length) {
            byte[] rest = Arrays.copyOfRange(received, start, received.length);
            int end = LegacyRollCallCodec.messageEnd(rest, rest.length);
            int length = end < 0 ? rest.length : end;
            assertThat(length).as("a message is never empty").isPositive();
            Optional<String> text = StrictUtf8.decode(Arrays.copyOf(rest, length));
            if (text.isPresent()) {
                switch (LegacyRollCallCodec.decode(text.get())) {
                    case LegacyRollCallMessage.Toggle toggle -> assertThat(toggle.classId()).isNotNull();
                    case LegacyRollCallMessage.CheckIn checkIn -> assertThat(checkIn.request()).isNotNull();
                    case LegacyRollCallMessage.Invalid invalid -> assertThat(invalid.reply()).isNotBlank();
                }
            }
            start += length;
        }
    }
}
