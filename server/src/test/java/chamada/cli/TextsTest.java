package chamada.cli;

import chamada.i18n.Lang;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @Test
    void usageHint_keepsItsQuotes() {
        assertThat(Text.USAGE_HINT.format(Lang.EN, "chamada teacher open")).isEqualTo("See 'chamada teacher open --help'.");
        assertThat(Text.USAGE_HINT.format(Lang.PT_BR, "chamada teacher open")).isEqualTo("Veja 'chamada teacher open --help'.");
    }
}
