package chamada.i18n;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A count told to a person: one is singular, in the language of the text it goes into. */
class HumanCountTest {

    @Test
    void of_roundsUpToWholeSeconds_neverBelowOne() {
        assertThat(HumanCount.seconds(Duration.ZERO)).isEqualTo(new HumanCount(1, HumanCount.Unit.SECOND));
        assertThat(HumanCount.seconds(Duration.ofMillis(200))).isEqualTo(new HumanCount(1, HumanCount.Unit.SECOND));
        assertThat(HumanCount.seconds(Duration.ofMillis(1_001))).isEqualTo(new HumanCount(2, HumanCount.Unit.SECOND));
    }

    /** Regression test: a wait of one second was told as "1 seconds". */
    @Test
    void inARefusal_oneSecondIsSingular_andMoreArePlural_inEachLanguage() {
        assertThat(new ChamadaException(ErrorCode.TOO_MANY_ATTEMPTS, new HumanCount(1, HumanCount.Unit.SECOND)).message(Lang.EN))
                .isEqualTo("Too many wrong codes; try again in 1 second.");
        assertThat(new ChamadaException(ErrorCode.TOO_MANY_ATTEMPTS, new HumanCount(30, HumanCount.Unit.SECOND)).message(Lang.EN))
                .isEqualTo("Too many wrong codes; try again in 30 seconds.");
        assertThat(ErrorCode.TOO_MANY_MESSAGES.format(Lang.PT_BR, new HumanCount(1, HumanCount.Unit.SECOND)))
                .isEqualTo("Mensagens demais em pouco tempo; espere 1 segundo e envie de novo.");
        assertThat(ErrorCode.TOO_MANY_LOGINS.format(Lang.PT_BR, new HumanCount(12, HumanCount.Unit.SECOND)))
                .endsWith("tente novamente em 12 segundos.");
    }

    @Test
    void aCountOfOne_isSingular_andOthersPlural_forEveryUnit() {
        assertThat(new HumanCount(1, HumanCount.Unit.WRONG_CODE).format(Lang.PT_BR)).isEqualTo("1 código errado");
        assertThat(new HumanCount(304, HumanCount.Unit.WRONG_CODE).format(Lang.EN)).isEqualTo("304 wrong codes");
        assertThat(new HumanCount(1, HumanCount.Unit.MINUTE).format(Lang.EN)).isEqualTo("1 minute");
        assertThat(new HumanCount(0, HumanCount.Unit.MINUTE).format(Lang.PT_BR)).isEqualTo("0 minutos");
    }
}
