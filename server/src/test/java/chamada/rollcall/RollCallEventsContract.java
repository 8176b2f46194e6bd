package chamada.rollcall;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link RollCallStore} tells its live views ({@link RollCallStore#events()}): each
 * change once durable, in order, with the count present; nothing for what changed nothing; and
 * nothing after the subscription is closed. A store runs it by extending this class.
 */
public abstract class RollCallEventsContract {

    protected static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    private static final ClassId CLASS = new ClassId(1010);
    private static final ClassId OTHER = new ClassId(2020);
    private static final TeacherName ANA = new TeacherName("ana");
    private static final Instant START = Instant.parse("2026-11-30T11:00:00Z");

    private RollCallStore store;
    private final List<RollCallEvent> heard = new CopyOnWriteArrayList<>();

    protected abstract RollCallStore openStore();

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void events_ofOneClass_areEveryDurableChangeInOrderWithTheCount() throws Exception {
        store.events().subscribe(CLASS, heard::add);

        done(store.open(CLASS, ANA, time(0)));
        done(store.checkIn(CLASS, new Matricula("042191010"), time(1)));
        done(store.checkIn(CLASS, new Matricula("042191010"), time(2)));
        done(store.checkIn(CLASS, new Matricula("205182055"), time(3)));
        done(store.close(CLASS, ANA, time(4)));

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() >= 4);
        assertThat(heard).containsExactly(
                new RollCallEvent.Opened(CLASS, time(0)),
                new RollCallEvent.CheckedIn(CLASS, new Matricula("042191010"), time(1), 1, Optional.empty()),
                new RollCallEvent.CheckedIn(CLASS, new Matricula("205182055"), time(3), 2, Optional.empty()),
                new RollCallEvent.Closed(CLASS, time(4), 2));
    }

    @Test
    void events_ofAReplacement_nameWhatItReplaced_andRefusalsAreNotHeard() throws Exception {
        store.events().subscribe(CLASS, heard::add);
        DeviceId phone = new DeviceId("phone-of-alice-0001");
        CheckInRules rules = CheckInRules.of(CodePolicy.FIXED, CheckInRules.DEFAULT_PERIOD,
                CheckInRules.DEFAULT_GRACE, false);
        String code = CheckInCode.current(rules, START, ZONE).orElseThrow().code();

        done(store.open(CLASS, ANA, rules, time(0)));
        done(store.checkIn(new CheckInAttempt(CLASS, new Matricula("1"), Optional.of(code), Optional.of(phone), time(1))));
        done(store.checkIn(new CheckInAttempt(CLASS, new Matricula("2"), Optional.empty(), Optional.of(phone), time(2))));
        done(store.checkIn(new CheckInAttempt(CLASS, new Matricula("2"), Optional.of(code.equals("000000")
                ? "000001" : "000000"), Optional.of(phone), time(3))));
        done(store.checkIn(new CheckInAttempt(CLASS, new Matricula("2"), Optional.of(code), Optional.of(phone), time(4))));
        done(store.close(CLASS, ANA, time(5)));

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() >= 4);
        assertThat(heard).containsExactly(
                new RollCallEvent.Opened(CLASS, time(0)),
                new RollCallEvent.CheckedIn(CLASS, new Matricula("1"), time(1), 1, Optional.empty()),
                new RollCallEvent.CheckedIn(CLASS, new Matricula("2"), time(4), 1, Optional.of(new Matricula("1"))),
                new RollCallEvent.Closed(CLASS, time(5), 1));
    }

    @Test
    void events_ofAnotherClass_andAfterClosingTheSubscription_areNotHeard() throws Exception {
        RollCallEvents.Subscription subscription = store.events().subscribe(CLASS, heard::add);
        List<RollCallEvent> other = new CopyOnWriteArrayList<>();
        store.events().subscribe(OTHER, other::add);

        done(store.open(CLASS, ANA, time(0)));
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 1);
        subscription.close();
        subscription.close();
        done(store.checkIn(CLASS, new Matricula("7"), time(1)));
        done(store.open(OTHER, ANA, time(2)));
        await().atMost(Duration.ofSeconds(10)).until(() -> other.size() == 1);

        assertThat(heard).containsExactly(new RollCallEvent.Opened(CLASS, time(0)));
    }

    private static <T> void done(CompletableFuture<T> future) throws Exception {
        future.get(30, TimeUnit.SECONDS);
    }

    private static OffsetDateTime time(long second) {
        return START.plusSeconds(second).atZone(ZONE).toOffsetDateTime();
    }
}
