package chamada.attendance;

import java.time.OffsetDateTime;

/** A report's counts at one roll call: how many of the report's students were present, late, excused, absent there. */
public record RollCallLine(long rollCallId, OffsetDateTime openedAt, ReportLine counts) {
}
