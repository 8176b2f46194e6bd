package chamada.application;

import chamada.i18n.Lang;
import chamada.materials.MaterialLimits;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.CheckInSettings;
import chamada.rollcall.StoreFailure;
import chamada.rollcall.StoreHealth;
import chamada.rollcall.TeacherName;
import chamada.store.StoreProblem;
import chamada.teachers.Role;
import chamada.teachers.Teachers;
import chamada.testing.TestMaterials;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code health} says of a store that is not keeping its promises: the details (files, a
 * student's matrícula) to teachers, a sentence without them to anybody else.
 */
class HealthRepliesTest {

    @TempDir
    Path dir;


    /** The embedded store's text for a refused write: it names the files and the write, so a student. */
    private static final StoreHealth.Unhealthy UNHEALTHY = new StoreHealth.Unhealthy(StoreProblem.APPLY_REFUSED,
            List.of("/var/lib/chamada/chamada.db", "check-in of 42191010 into roll call 7",
                    "/var/lib/chamada/chamada.db.journal"));

    @ParameterizedTest
    @EnumSource(Lang.class)
    void health_askedByATeacher_namesTheProblem(Lang lang) {
        try (Application application = application()) {
            Session teacher = application.reservedSession(new TeacherName("(legacy)"), lang,
                    InetAddress.getLoopbackAddress());

            assertThat(application.handle(teacher, new Request.Health()).join())
                    .isEqualTo(new Response.Health(false, Optional.of(UNHEALTHY.message(lang)), 0));
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void health_askedByAnybodyElse_saysOnlyThatTheAdministratorIsNeeded(Lang lang) {
        try (Application application = application()) {
            Response reply = application.handle(application.session(lang), new Request.Health()).join();

            assertThat(reply).isEqualTo(new Response.Health(false, Optional.of(ApplicationText.UNHEALTHY.format(lang)), 0));
            assertThat(((Response.Health) reply).problem().orElseThrow()).doesNotContain("42191010", "chamada.db");
        }
    }

    private Application application() {
        Teachers teachers = new Teachers() {
            @Override
            public boolean openMode() {
                return false;
            }

            @Override
            public Optional<TeacherName> authenticate(String name, String secret) {
                return Optional.empty();
            }

            @Override
            public CompletableFuture<Optional<Role>> role(TeacherName name) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
        };
        StubStore stub = new StubStore(StoreFailure.Kind.UNAVAILABLE, UNHEALTHY);
        return new Application(teachers, stub,
                Clock.systemDefaultZone(), CheckInSettings.defaults(), TestMaterials.folderIn(dir),
                MaterialLimits.defaults());
    }
}
