package chamada.i18n;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A wait told to a person: one second is singular, in the language of the text it goes into. */
class HumanSecondsTest {

    @Test
    void of_roundsUpToWholeSeconds_neverBelowOne() {
        assertThat(HumanSeconds.of(Duration.ZERO)).isEqualTo(new HumanSeconds(1));
        assertThat(HumanSeconds.of(Duration.ofMillis(200))).isEqualTo(new HumanSeconds(1));
        assertThat(HumanSeconds.of(Duration.ofMillis(1_001))).isEqualTo(new HumanSeconds(2));
    }

    /** Regression test: a wait of one second was told as "1 seconds". */
    @Test
    void inARefusal_oneSecondIsSingular_andMoreArePlural_inEachLanguage() {
        assertThat(new ChamadaException(ErrorCode.TOO_MANY_ATTEMPTS, new HumanSeconds(1)).message(Lang.EN))
                .isEqualTo("Too many wrong codes; try again in 1 second.");
        assertThat(new ChamadaException(ErrorCode.TOO_MANY_ATTEMPTS, new HumanSeconds(30)).message(Lang.EN))
                .isEqualTo("Too many wrong codes; try again in 30 seconds.");
        assertThat(ErrorCode.TOO_MANY_MESSAGES.format(Lang.PT_BR, new HumanSeconds(1)))
                .isEqualTo("Mensagens demais em pouco tempo; espere 1 segundo e envie de novo.");
        assertThat(ErrorCode.TOO_MANY_LOGINS.format(Lang.PT_BR, new HumanSeconds(12)))
                .endsWith("tente novamente em 12 segundos.");
    }
}
