package chamada.application;

import chamada.attendance.AuditEntry;
import chamada.attendance.Mark;
import chamada.attendance.MarkResult;
import chamada.materials.Material;
import chamada.materials.MaterialName;
import chamada.materials.PublishResult;
import chamada.messages.ClassMessage;
import chamada.messages.PostResult;
import chamada.messages.Posting;
import chamada.messages.ShowResult;
import chamada.privacy.Forget;
import chamada.privacy.ForgetResult;
import chamada.privacy.StudentRecords;
import chamada.rollcall.Assignment;
import chamada.rollcall.CheckInAttempt;
import chamada.rollcall.CheckInResult;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.CloseResult;
import chamada.rollcall.EventHub;
import chamada.rollcall.Matricula;
import chamada.rollcall.NumberedRollCall;
import chamada.rollcall.OpenResult;
import chamada.rollcall.PastRollCall;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallEvents;
import chamada.rollcall.StoreFailure;
import chamada.rollcall.StoreHealth;
import chamada.rollcall.TeacherName;
import chamada.roster.Roster;
import chamada.roster.RosterChange;
import chamada.roster.RosterEntry;
import chamada.roster.RosterNames;
import chamada.store.ChamadaStore;
import chamada.teachers.Account;
import chamada.teachers.AccountChange;
import chamada.teachers.AccountEdit;
import chamada.teachers.FileTeacher;
import io.micrometer.core.instrument.MeterRegistry;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** A store whose every future fails with one kind of {@link StoreFailure}, and whose health is {@code health}. */
record StubStore(StoreFailure.Kind kind, StoreHealth health) implements ChamadaStore {

    private <T> CompletableFuture<T> failed() {
        return CompletableFuture.failedFuture(new StoreFailure(kind, "failing on purpose"));
    }

    @Override
    public CompletableFuture<OpenResult> open(ClassId classId, TeacherName teacher, CheckInRules rules,
                                              OffsetDateTime at) {
        return failed();
    }

    @Override
    public CompletableFuture<CheckInResult> checkIn(CheckInAttempt attempt) {
        return failed();
    }

    @Override
    public CompletableFuture<CloseResult> close(ClassId classId, TeacherName teacher, OffsetDateTime at,
                                                boolean closesAny) {
        return failed();
    }

    @Override
    public CompletableFuture<Integer> deleteClosedBefore(OffsetDateTime cutoff) {
        return failed();
    }

    @Override
    public CompletableFuture<Optional<Account>> account(TeacherName name) {
        return failed();
    }

    @Override
    public CompletableFuture<List<Account>> accounts() {
        return failed();
    }

    @Override
    public CompletableFuture<AccountChange> changeAccount(AccountEdit edit) {
        return failed();
    }

    @Override
    public CompletableFuture<Integer> importTeachers(List<FileTeacher> teachers) {
        return failed();
    }

    @Override
    public CompletableFuture<StudentRecords> studentRecords(Matricula matricula) {
        return failed();
    }

    @Override
    public CompletableFuture<ForgetResult> forget(Forget forget) {
        return failed();
    }

    @Override
    public CompletableFuture<List<Material>> materials(ClassId classId) {
        return failed();
    }

    @Override
    public CompletableFuture<PublishResult> publish(Material material, long classLimit) {
        return failed();
    }

    @Override
    public CompletableFuture<Optional<Material>> remove(ClassId classId, MaterialName name) {
        return failed();
    }

    @Override
    public CompletableFuture<PostResult> post(Posting posting) {
        return failed();
    }

    @Override
    public CompletableFuture<List<ClassMessage>> inbox(ClassId classId, boolean unreadOnly, int limit) {
        return failed();
    }

    @Override
    public CompletableFuture<Integer> markRead(ClassId classId, List<Long> ids, OffsetDateTime at) {
        return failed();
    }

    @Override
    public CompletableFuture<Boolean> anonymousAllowed(ClassId classId) {
        return failed();
    }

    @Override
    public CompletableFuture<Boolean> allowAnonymous(ClassId classId, boolean allowed) {
        return failed();
    }

    @Override
    public CompletableFuture<ShowResult> show(ClassId classId, Optional<Long> id, OffsetDateTime at) {
        return failed();
    }

    @Override
    public CompletableFuture<Optional<ClassMessage>> shown(ClassId classId) {
        return failed();
    }

    @Override
    public CompletableFuture<Optional<Duration>> lateAfterOf(ClassId classId) {
        return failed();
    }

    @Override
    public CompletableFuture<Optional<Duration>> setLateAfter(ClassId classId, Optional<Duration> lateAfter) {
        return failed();
    }

    @Override
    public CompletableFuture<Set<TeacherName>> teachersOf(ClassId classId) {
        return failed();
    }

    @Override
    public CompletableFuture<Assignment> assign(ClassId classId, List<TeacherName> teachers) {
        return failed();
    }

    @Override
    public CompletableFuture<Map<ClassId, List<TeacherName>>> assignments() {
        return failed();
    }

    @Override
    public CompletableFuture<List<ClassId>> openedBefore(OffsetDateTime cutoff) {
        return failed();
    }

    @Override
    public CompletableFuture<List<RollCall>> openRollCalls() {
        return failed();
    }

    @Override
    public RollCallEvents events() {
        return new EventHub();
    }

    @Override
    public CompletableFuture<Optional<RollCall>> openRollCall(ClassId classId) {
        return failed();
    }

    @Override
    public CompletableFuture<List<PastRollCall>> history(ClassId classId) {
        return failed();
    }

    @Override
    public CompletableFuture<List<NumberedRollCall>> numberedClosedRollCalls(ClassId classId) {
        return failed();
    }

    @Override
    public CompletableFuture<RosterChange> replaceRoster(ClassId classId, List<RosterEntry> students) {
        return failed();
    }

    @Override
    public CompletableFuture<Roster> roster(ClassId classId) {
        return failed();
    }

    @Override
    public CompletableFuture<RosterNames> names(ClassId classId) {
        return failed();
    }

    @Override
    public CompletableFuture<MarkResult> mark(Mark mark) {
        return failed();
    }

    @Override
    public CompletableFuture<List<AuditEntry>> audit(ClassId classId) {
        return failed();
    }

    @Override
    public byte[] sessionKey() {
        return new byte[32];
    }

    @Override
    public String describe() {
        return "stub test store";
    }

    @Override
    public CompletableFuture<Void> copyDatabaseTo(Path file) {
        return failed();
    }

    @Override
    public long journalLag() {
        return 0;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
    }

    @Override
    public void close() {
    }
}
