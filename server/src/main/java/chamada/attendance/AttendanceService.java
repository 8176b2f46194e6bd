package chamada.attendance;

import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.Caller;
import chamada.rollcall.ClassAccess;
import chamada.rollcall.ClassTeachers;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.Outcomes;
import chamada.rollcall.RollCallStore;
import chamada.roster.RosterStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Who may correct a student's status and read the audit, the same for every front: a teacher,
 * within the edit window after the close; an administrator at any time. What a correction comes
 * to is the store's decision ({@link AttendanceStore}).
 *
 * <p>Who is an administrator is the caller's account's to say ({@link Caller.Teacher}); which
 * classes a teacher may act on, {@link ClassAccess}'s.
 */
public final class AttendanceService {

    private static final Logger log = LoggerFactory.getLogger(AttendanceService.class);

    private final AttendanceStore store;
    private final RollCallStore rollCalls;
    private final RosterStore rosters;
    private final ClassTeachers classes;
    private final Clock clock;
    private final Duration editWindow;

    /** Over {@code store}, which also keeps the roll calls and rosters a report reads ({@code rollCalls}, {@code rosters}). */
    public AttendanceService(AttendanceStore store, RollCallStore rollCalls, RosterStore rosters, ClassTeachers classes,
                             Clock clock, Duration editWindow) {
        this.store = store;
        this.classes = classes;
        this.rollCalls = rollCalls;
        this.rosters = rosters;
        this.clock = clock;
        this.editWindow = editWindow;
    }

    /** Sets {@code matricula}'s status in roll call {@code rollCallId} of {@code classId} (its latest when empty). */
    public CompletableFuture<MarkResult> mark(Caller caller, ClassId classId, Optional<Long> rollCallId,
                                              Matricula matricula, AttendanceStatus status, Reason reason) {
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> store.mark(new Mark(classId, rollCallId,
                matricula, status, reason, teacher.name(), at, editWindow, access == ClassAccess.ADMINISTRATOR))
                .thenApply(result -> {
            if (result instanceof MarkResult.Marked marked) {
                log.info("Status of {} in roll call {} of class {} set to {} by {}", matricula, marked.rollCallId(),
                        classId, status.wire(), teacher.name());
            }
            return result;
        }));
    }

    /**
     * The attendance report of {@code classId} from {@code from} to {@code to}, with the roster's
     * names; a teacher of the class may read it.
     */
    public CompletableFuture<AttendanceReport> report(Caller caller, ClassId classId, Optional<LocalDate> from,
                                                      Optional<LocalDate> to, LateCountsAs lateCountsAs) {
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> rollCalls.numberedClosedRollCalls(classId)
                .thenCombine(rosters.names(classId),
                        (closed, names) -> AttendanceReport.of(classId, closed, names, from, to, lateCountsAs)));
    }

    /** The audit of {@code classId}, oldest first; a teacher of the class may read it. */
    public CompletableFuture<List<AuditEntry>> audit(Caller caller, ClassId classId) {
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> store.audit(classId));
    }
}
