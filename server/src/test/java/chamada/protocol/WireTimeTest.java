package chamada.protocol;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast paths of {@link WireTime} against the formatter they replace. */
class WireTimeTest {

    private static final ZoneOffset[] OFFSETS = {ZoneOffset.UTC, ZoneOffset.ofHours(-3), ZoneOffset.ofHours(14),
            ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHoursMinutes(-9, -30), ZoneOffset.ofHours(-18),
            ZoneOffset.ofHoursMinutes(0, -30), ZoneOffset.ofTotalSeconds(3_723)};

    @Test
    void format_andParse_agreeWithTheFormatter_onRandomTimes() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 50_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 253_000_000_000_000L));
            OffsetDateTime time = instant.atOffset(OFFSETS[random.nextInt(OFFSETS.length)]);

            String text = WireTime.format(time);

            assertThat(text).isEqualTo(Wire.TIME.format(time));
            assertThat(WireTime.parse(text)).isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
    }

    @Test
    void format_truncatesToMillis_likeTheFormatter() {
        OffsetDateTime time = OffsetDateTime.of(2026, 11, 21, 8, 0, 1, 250_999_999, ZoneOffset.ofHours(-3));

        assertThat(WireTime.format(time)).isEqualTo("2026-11-21T08:00:01.250-03:00").isEqualTo(Wire.TIME.format(time));
    }

    @Test
    void parse_otherIsoShapes_goToTheFormatter() {
        for (String text : new String[] {"2026-11-21T08:00:01-03:00", "2026-11-21T08:00:01.25-03:00",
                "2026-11-21t08:00:01.250z", "2026-11-21T08:00:01.250123-03:00", "2026-11-21T08:00:01.250+00:00",
                "+12026-11-21T08:00:01.250Z"}) {
            assertThat(WireTime.parse(text)).as(text)
                    .isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
    }

    @Test
    void parse_impossibleOrMalformed_failsAsTheFormatterDoes() {
        for (String text : new String[] {"2026-02-30T08:00:01.250Z", "2026-11-21T24:00:01.250Z",
                "2026-11-21T08:00:60.250-03:00", "2026-11-21T08:00:01.250+19:00", "2026-11-21T08:00:01.2x0-03:00",
                "2026-11-21 08:00:01.250-03:00", "2026-11-21T08:00:01.250-03-00", "abcdefghijklmnopqrstuvwx"}) {
            assertThatThrownBy(() -> WireTime.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
