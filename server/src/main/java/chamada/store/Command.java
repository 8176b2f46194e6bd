package chamada.store;

import chamada.attendance.MarkResult;
import chamada.privacy.ForgetResult;
import chamada.rollcall.CheckInAttempt;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.CloseResult;
import chamada.rollcall.OpenResult;
import chamada.rollcall.RollCall;
import chamada.rollcall.TeacherName;
import chamada.roster.RosterChange;
import chamada.roster.RosterEntry;
import chamada.roster.RosterNames;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What a caller asks of a store's writer, with the future its outcome completes. The writer
 * decides each in turn (the journal's {@link OpenRollCalls}, PostgreSQL's transactions) and
 * completes the futures once the writes decided with them are durable.
 *
 * @param <R> the outcome
 */
public sealed interface Command<R> {

    CompletableFuture<R> done();

    record Open(ClassId classId, TeacherName teacher, CheckInRules rules, OffsetDateTime at,
                CompletableFuture<OpenResult> done) implements Command<OpenResult> {
    }

    record CheckIn(CheckInAttempt attempt, CompletableFuture<CheckInResult> done) implements Command<CheckInResult> {
    }

    record Close(ClassId classId, TeacherName teacher, OffsetDateTime at, boolean closesAny,
                 CompletableFuture<CloseResult> done) implements Command<CloseResult> {

        /** Whether {@code teacher} may close a roll call {@code owner} opened. */
        public boolean mayClose(TeacherName owner) {
            return closesAny || teacher.mayClose(owner);
        }
    }

    /** A read of every open roll call, by class number, in the writer's order. */
    record OpenList(CompletableFuture<List<RollCall>> done) implements Command<List<RollCall>> {
    }

    /** A read of the classes whose open roll call opened at or before {@code cutoff}: no roll call is copied. */
    record OpenedBefore(OffsetDateTime cutoff, CompletableFuture<List<ClassId>> done)
            implements Command<List<ClassId>> {
    }

    /** A read of one class's open roll call, answered in the writer's order, so it sees every write before it. */
    record Status(ClassId classId, CompletableFuture<Optional<RollCall>> done) implements Command<Optional<RollCall>> {
    }

    record ReplaceRoster(ClassId classId, List<RosterEntry> students, CompletableFuture<RosterChange> done)
            implements Command<RosterChange> {
    }

    /** A read of one class's roster names, in the writer's order, as {@link Status} is. */
    record NamesOf(ClassId classId, CompletableFuture<RosterNames> done) implements Command<RosterNames> {
    }

    /** A retention purge of the roll calls closed before {@code cutoff}. */
    record Purge(OffsetDateTime cutoff, CompletableFuture<Integer> done) implements Command<Integer> {
    }

    record Forget(chamada.privacy.Forget forget, CompletableFuture<ForgetResult> done) implements Command<ForgetResult> {
    }

    record Mark(chamada.attendance.Mark mark, CompletableFuture<MarkResult> done) implements Command<MarkResult> {
    }
}
