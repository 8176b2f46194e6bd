package chamada.application;

import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.materials.MaterialLimits;
import chamada.testing.TestMaterials;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.CheckInSettings;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.StoreFailure;
import chamada.rollcall.StoreHealth;
import chamada.teachers.OpenMode;
import chamada.teachers.StoredTeachers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person is told when the store cannot give an outcome: one code per kind of store
 * failure, and never "nothing was changed" when the change may have been made.
 */
class StoreFailureRepliesTest {

    @TempDir
    Path dir;


    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(StoreFailure.Kind.NOT_MADE, ErrorCode.STORE_FAILED),
                Arguments.of(StoreFailure.Kind.UNAVAILABLE, ErrorCode.STORE_UNAVAILABLE),
                Arguments.of(StoreFailure.Kind.TIMED_OUT, ErrorCode.STORE_TIMEOUT),
                Arguments.of(StoreFailure.Kind.OUTCOME_UNKNOWN, ErrorCode.STORE_UNCERTAIN));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyRequest_storeFailsThatWay_isRefusedWithItsOwnCode(StoreFailure.Kind kind, ErrorCode code) {
        StubStore stub = new StubStore(kind, new StoreHealth.Healthy());
        try (Application application = new Application(new OpenMode(), stub,
                Clock.systemDefaultZone(), CheckInSettings.defaults(), TestMaterials.folderIn(dir),
                MaterialLimits.defaults())) {
            Session session = application.session(Lang.EN);
            for (Request request : new Request[] {new Request.Open(new ClassId(1)), new Request.Close(new ClassId(1)),
                    new Request.Status(new ClassId(1)), new Request.CheckIn(new Matricula("7"), new ClassId(1)),
                    new Request.History(new ClassId(1)), new Request.Export(new ClassId(1))}) {
                assertThat(application.handle(session, request).join()).as("%s", request)
                        .isEqualTo(new Response.Failure(code, code.format(Lang.EN)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void login_storeFailsThatWay_isRefusedWithItsOwnCode_notAsABug(StoreFailure.Kind kind, ErrorCode code) {
        StubStore stub = new StubStore(kind, new StoreHealth.Healthy());
        try (Application application = new Application(new StoredTeachers(stub), stub,
                Clock.systemDefaultZone(), CheckInSettings.defaults(), TestMaterials.folderIn(dir),
                MaterialLimits.defaults())) {
            Response reply = application.handle(application.session(Lang.EN), new Request.Login("ana", "s3cret")).join();

            assertThat(reply).isEqualTo(new Response.Failure(code, code.format(Lang.EN)));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void text_saysNothingWasChangedOnlyWhenThatIsCertain(StoreFailure.Kind kind, ErrorCode code) {
        boolean certain = kind != StoreFailure.Kind.OUTCOME_UNKNOWN;

        assertThat(code.en().contains("nothing was") && code.pt().contains("nada foi")).isEqualTo(certain);
    }
}
