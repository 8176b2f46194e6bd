package chamada.protocol;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.roster.RosterEntry;
import chamada.roster.StudentName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The roster requests on the wire: what the client encodes the server decodes back, and bad parts are refused by name. */
class RosterRequestsTest {

    private static final RequestDecoder DECODER = new RequestDecoder(Json.mapper());
    private static final RequestEncoder ENCODER = new RequestEncoder(Json.mapper().getFactory());

    @Test
    void rosterImport_encodedByTheClient_decodesToTheSameRequest() {
        Request.RosterImport part = new Request.RosterImport(new ClassId(1010), List.of(
                new RosterEntry(new Matricula("042191010"), new StudentName("Ana \"Aninha\" Souza, \\ ção")),
                new RosterEntry(new Matricula("7"), new StudentName("Bruno Lima"))), 2, true);

        assertThat(DECODER.decode(ENCODER.encode(part))).isEqualTo(part);
    }

    @Test
    void rosterImport_typedAsWords_hasNoStudentsToSend() {
        assertThatThrownBy(() -> DECODER.decode("roster_import 1010"))
                .isInstanceOfSatisfying(ChamadaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MISSING_FIELD);
                    assertThat(e.message(chamada.i18n.Lang.EN)).contains("students");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"op\":\"roster_import\",\"class\":1010,\"students\":\"042191010,Ana\"}",
            "{\"op\":\"roster_import\",\"class\":1010,\"students\":[[\"042191010\",\"Ana\"]]}",
            "{\"op\":\"roster_import\",\"class\":1010,\"students\":[{\"matricula\":\"042191010\"}]}",
            "{\"op\":\"roster_import\",\"class\":1010,\"students\":[{\"matricula\":42191010,\"name\":\"Ana\"}]}",
            "{\"op\":\"roster_import\",\"class\":1010,\"students\":[{\"matricula\":\"04X\",\"name\":\"Ana\"}]}",
            "{\"op\":\"roster_import\",\"class\":1010,\"students\":[{\"matricula\":\"1\",\"name\":\"Ana\\u0000\"}]}",
            "{\"op\":\"roster_import\",\"class\":1010,\"students\":[],\"more\":\"yes\"}",
            "{\"op\":\"roster_import\",\"class\":1010,\"students\":[],\"part\":0}",
            "{\"op\":\"roster_import\",\"class\":1010,\"students\":[],\"part\":\"x\"}"})
    void rosterImport_badStudents_isAnInvalidField(String line) {
        assertThatThrownBy(() -> DECODER.decode(line))
                .isInstanceOfSatisfying(ChamadaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD));
    }

    @Test
    void open_acceptUnknown_asJsonOrAsTheFourthWord() {
        assertThat(DECODER.decode("{\"op\":\"open\",\"class\":1010,\"accept_unknown\":true}"))
                .isEqualTo(new Request.Open(new ClassId(1010), java.util.Optional.empty(), false, true));
        assertThat(DECODER.decode("open 1010 none false true"))
                .isEqualTo(new Request.Open(new ClassId(1010), java.util.Optional.of(chamada.rollcall.CodePolicy.NONE),
                        false, true));
    }
}
