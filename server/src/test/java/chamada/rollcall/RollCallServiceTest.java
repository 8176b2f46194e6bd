package chamada.rollcall;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the rules do when the store cannot save a change: refuse it, and change nothing. */
class RollCallServiceTest {

    private static final ClassId CLASS = new ClassId(1010);
    private static final Caller ANA = new Caller.Teacher(TeacherName.ofLogin("ana"));

    private final FlakyStore store = new FlakyStore();
    private final RollCallService service = new RollCallService(store, Clock.systemDefaultZone());

    @Test
    void open_storeFails_isRefusedAndClassStaysClosed() {
        store.failWrites.set(true);

        assertThatThrownBy(() -> service.open(ANA, CLASS)).extracting(e -> ((ChamadaException) e).code())
                .isEqualTo(ErrorCode.STORE_FAILED);

        store.failWrites.set(false);
        assertThat(service.checkIn(new Matricula("1"), CLASS)).isInstanceOf(CheckInResult.NotOpen.class);
        assertThat(service.open(ANA, CLASS).isOpen()).isTrue();
    }

    @Test
    void checkIn_storeFails_isRefusedAndStudentMayTryAgain() {
        service.open(ANA, CLASS);
        store.failWrites.set(true);

        assertThatThrownBy(() -> service.checkIn(new Matricula("7"), CLASS))
                .extracting(e -> ((ChamadaException) e).code()).isEqualTo(ErrorCode.STORE_FAILED);
        assertThat(service.status(ANA, CLASS).present()).isEmpty();

        store.failWrites.set(false);
        assertThat(service.checkIn(new Matricula("7"), CLASS)).isInstanceOf(CheckInResult.Registered.class);
    }

    @Test
    void close_storeFails_isRefusedAndRollCallStaysOpen() {
        service.open(ANA, CLASS);
        service.checkIn(new Matricula("7"), CLASS);
        store.failWrites.set(true);

        assertThatThrownBy(() -> service.close(ANA, CLASS)).extracting(e -> ((ChamadaException) e).code())
                .isEqualTo(ErrorCode.STORE_FAILED);

        store.failWrites.set(false);
        assertThat(service.checkIn(new Matricula("8"), CLASS)).isInstanceOf(CheckInResult.Registered.class);
        assertThat(service.close(ANA, CLASS).present()).extracting(c -> c.matricula().value()).containsExactly("7", "8");
    }

    @Test
    void close_rollCallOfReservedOwner_anyTeacherMayCloseIt() {
        service.open(new Caller.Teacher(TeacherName.OPEN_MODE), CLASS);

        assertThat(service.close(ANA, CLASS).closedAt()).isPresent();
    }

    @Test
    void close_anotherTeachersRollCall_isRefused() {
        service.open(ANA, CLASS);

        assertThatThrownBy(() -> service.close(new Caller.Teacher(TeacherName.ofLogin("bruno")), CLASS))
                .extracting(e -> ((ChamadaException) e).code()).isEqualTo(ErrorCode.NOT_OWNER);
        assertThat(service.status(ANA, CLASS).isOpen()).isTrue();
    }
}
