package chamada.protocol;

import chamada.error.ChamadaException;
import chamada.i18n.Lang;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What the fuzz tests of request decoding (native lines, JSON API calls) require of each outcome. */
public final class FuzzOutcomes {

    private static final ObjectMapper JSON = Json.mapper();
    private static final RequestDecoder DECODER = new RequestDecoder(JSON);
    private static final RequestEncoder ENCODER = new RequestEncoder(JSON.getFactory());

    private FuzzOutcomes() {
    }

    /** A refusal is told in both languages. */
    public static void assertToldInBothLanguages(ChamadaException refused) {
        assertThat(refused.message(Lang.EN)).isNotBlank();
        assertThat(refused.message(Lang.PT_BR)).isNotBlank();
    }

    /** A decoded request, written as the client writes it, reads back as the same request. */
    public static void assertReadsBack(Request request) {
        String line = ENCODER.encode(request);
        assertThat(DECODER.decode(line)).as("%s written as %s", request, line).isEqualTo(request);
    }
}
