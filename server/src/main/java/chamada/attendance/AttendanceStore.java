package chamada.attendance;

import chamada.rollcall.ClassId;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where corrections and their audit are kept: the same store as the roll calls, whose check-ins,
 * closes and absences they correct.
 *
 * <p>Contract (the store contract suite checks it for every store):
 * <ul>
 *   <li>{@link #mark} changes one student's status in one roll call, open or closed, and appends
 *       its audit record, in one atomic step, durable before it completes. It never adds a
 *       check-in: a student marked present has no check-in time.</li>
 *   <li>The status before is the teacher's last mark, else the close's absence, else the
 *       check-in's present or late; none if the student had none.</li>
 *   <li>A closed roll call is {@link MarkResult.Locked} once its edit window after the close has
 *       passed, unless the mark may unlock it.</li>
 *   <li>A student marked in an open roll call is not made absent by its close.</li>
 *   <li>The audit is append-only: nothing Chamada does changes or removes a record.</li>
 * </ul>
 */
public interface AttendanceStore {

    CompletableFuture<MarkResult> mark(Mark mark);

    /** Every audit record of {@code classId}'s roll calls, oldest first. */
    CompletableFuture<List<AuditEntry>> audit(ClassId classId);
}
