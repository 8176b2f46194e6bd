package chamada.protocol.legacy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 64-byte length header of the Tech with Tim framing. */
class MessageFramingTest {

    @Test
    void header_isDigitsPaddedWithSpaces() {
        byte[] header = MessageFraming.header(12);

        assertThat(header).hasSize(64);
        assertThat(new String(header, StandardCharsets.US_ASCII)).isEqualTo("12" + " ".repeat(62));
    }

    @Test
    void length_ofAHeader_isItsNumber() {
        assertThat(MessageFraming.length(MessageFraming.header(0))).isEqualTo(OptionalInt.of(0));
        assertThat(MessageFraming.length(MessageFraming.header(65536))).isEqualTo(OptionalInt.of(65536));
    }

    @Test
    void length_withWhiteSpaceOnBothSides_isAcceptedAsPythonsIntDoes() {
        assertThat(MessageFraming.length(pad("  12\t\r\n"))).isEqualTo(OptionalInt.of(12));
    }

    @Test
    void length_ofNonDigits_isEmpty() {
        assertThat(MessageFraming.length(pad("abc"))).isEmpty();
        assertThat(MessageFraming.length(pad("+5"))).isEmpty();
        assertThat(MessageFraming.length(pad("1 2"))).isEmpty();
        assertThat(MessageFraming.length(pad(""))).isEmpty();
        assertThat(MessageFraming.length(pad("1234567890"))).isEmpty();
    }

    @Test
    void length_ofAHeaderOfAnotherSize_isABug() {
        assertThatThrownBy(() -> MessageFraming.length(new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void echo_ofABinaryHeader_isPrintableAndShort() {
        byte[] header = new byte[64];
        Arrays.fill(header, (byte) 0x01);

        assertThat(MessageFraming.echo(header)).isEqualTo("?".repeat(40) + "…");
    }

    private static byte[] pad(String text) {
        byte[] header = Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), 64);
        Arrays.fill(header, text.length(), 64, (byte) ' ');
        return header;
    }
}
