package chamada.server.legacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it, so that transcripts can spell out every time. */
final class TestClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    TestClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
