package chamada.cli;

import chamada.i18n.Lang;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.protocol.StudentRecordsJson;
import chamada.privacy.StudentRecords;
import chamada.rollcall.Matricula;
import chamada.rollcall.ClassId;
import chamada.rollcall.TeacherName;
import chamada.teachers.AccountAction;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@code chamada admin}'s subcommands do over one link, printing for a person; each returns an exit code. */
final class AdminActions {

    private final Link link;
    private final Lang lang;
    private final PrintWriter out;
    private final PrintWriter err;

    AdminActions(Link link, Lang lang, PrintWriter out, PrintWriter err) {
        this.link = link;
        this.lang = lang;
        this.out = out;
        this.err = err;
    }

    /** Lists every teacher's account, with what sets it apart. */
    int teachers() {
        Response reply = link.call(c -> c.call(new Request.Teachers()), true);
        if (!(reply instanceof Response.Teachers teachers)) {
            return Refusals.of(err, lang, reply);
        }
        if (teachers.teachers().isEmpty()) {
            out.println(AdminText.NO_TEACHERS.format(lang));
            return ExitCodes.OK;
        }
        out.println(AdminText.TEACHERS.format(lang, teachers.teachers().size()));
        for (Response.TeacherAccount account : teachers.teachers()) {
            List<String> marks = new ArrayList<>();
            if (account.administrator()) {
                marks.add(AdminText.ADMINISTRATOR.format(lang));
            }
            if (account.disabled()) {
                marks.add(AdminText.DISABLED.format(lang));
            }
            if (account.fromFile()) {
                marks.add(AdminText.FROM_FILE.format(lang));
            }
            out.println("  " + account.name() + (marks.isEmpty() ? "" : " (" + String.join(", ", marks) + ")"));
        }
        return ExitCodes.OK;
    }

    /** Does {@code action} to {@code name}'s account; an add to a server in open mode says when it ends. */
    int account(AccountAction action, TeacherName name, Optional<String> secret, boolean administrator) {
        // Not idempotent: a repeated add after a lost reply would answer "already exists" for our own add.
        Response reply = link.call(c -> c.call(new Request.Account(action, name, secret, administrator)), false);
        if (!(reply instanceof Response.AccountChanged)) {
            return Refusals.of(err, lang, reply);
        }
        out.println(switch (action) {
            case ADD -> (administrator ? AdminText.ADDED_ADMINISTRATOR : AdminText.ADDED).format(lang, name);
            case REMOVE -> AdminText.REMOVED.format(lang, name);
            case DISABLE -> AdminText.DISABLED_NOW.format(lang, name);
            case ENABLE -> AdminText.ENABLED.format(lang, name);
            case PASSWD -> AdminText.PASSWORD.format(lang, name);
        });
        if (action == AccountAction.ADD && link.hello().openMode()) {
            out.println(AdminText.OPEN_MODE_UNTIL_RESTART.format(lang));
        }
        return ExitCodes.OK;
    }

    /** Makes {@code teachers} the teachers of {@code classId}; none leaves it to every teacher. */
    int assign(ClassId classId, List<TeacherName> teachers) {
        Response reply = link.call(c -> c.call(new Request.Assign(classId, teachers)), true);
        if (!(reply instanceof Response.Assigned assigned)) {
            return Refusals.of(err, lang, reply);
        }
        out.println(assigned.teachers().isEmpty() ? AdminText.UNASSIGNED.format(lang, classId)
                : AdminText.ASSIGNED.format(lang, classId, String.join(", ", assigned.teachers())));
        return ExitCodes.OK;
    }

    /** Lists every class with assigned teachers. */
    int assignments() {
        Response reply = link.call(c -> c.call(new Request.Assignments()), true);
        if (!(reply instanceof Response.Assignments assignments)) {
            return Refusals.of(err, lang, reply);
        }
        if (assignments.classes().isEmpty()) {
            out.println(AdminText.NO_ASSIGNMENTS.format(lang));
            return ExitCodes.OK;
        }
        out.println(AdminText.ASSIGNMENTS.format(lang, assignments.classes().size()));
        for (Response.Assigned assigned : assignments.classes()) {
            out.println("  " + assigned.classId() + ": " + String.join(", ", assigned.teachers()));
        }
        return ExitCodes.OK;
    }

    /**
     * Writes everything held about {@code student} as JSON to {@code file} (readable by its owner
     * only, whole or not at all), else to the standard output.
     */
    int exportStudent(Matricula student, Optional<Path> file) {
        Response reply = link.call(c -> c.call(new Request.StudentData(student)), true);
        if (!(reply instanceof Response.StudentData data)) {
            return Refusals.of(err, lang, reply);
        }
        String json = StudentRecordsJson.document(data.records());
        if (file.isEmpty()) {
            out.print(json);
            out.flush();
            return ExitCodes.OK;
        }
        try {
            PrivateFiles.writeAtomically(file.get(), json);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE,
                    Text.FILE_WRITE_FAILED.format(lang, file.get(), Reasons.file(e, lang)), e);
        }
        StudentRecords records = data.records();
        out.println(AdminText.STUDENT_EXPORTED.format(lang, student, file.get(), records.rosters().size(),
                records.checkIns().size(), records.statuses().size(), records.audit().size()));
        return ExitCodes.OK;
    }

    /** Forgets {@code student}, and says which number their records name now. */
    int forget(Matricula student) {
        // Not idempotent: a repeat after a lost reply finds nothing to forget, and says so.
        Response reply = link.call(c -> c.call(new Request.ForgetStudent(student)), false);
        if (!(reply instanceof Response.Forgotten forgotten)) {
            return Refusals.of(err, lang, reply);
        }
        out.println(AdminText.FORGOTTEN.format(lang, student, forgotten.pseudonym()));
        return ExitCodes.OK;
    }
}
