package chamada.protocol;

import chamada.attendance.AttendanceReport;
import chamada.attendance.AuditEntry;
import chamada.attendance.LateCountsAs;
import chamada.attendance.Reason;
import chamada.attendance.ReportLine;
import chamada.attendance.RollCallLine;
import chamada.error.ErrorCode;
import chamada.materials.Material;
import chamada.materials.MaterialName;
import chamada.messages.ClassMessage;
import chamada.messages.MessageText;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckIn;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.CodePolicy;
import chamada.rollcall.CurrentCode;
import chamada.rollcall.Matricula;
import chamada.rollcall.NumberedRollCall;
import chamada.rollcall.PastRollCall;
import chamada.rollcall.RollCall;
import chamada.rollcall.RollCallAlerts;
import chamada.rollcall.TeacherName;
import chamada.roster.RosterChange;
import chamada.roster.RosterEntry;
import chamada.roster.RosterNames;
import chamada.roster.StudentName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one reply line of the native protocol back into a {@link Response}; the client
 * side of {@link ResponseEncoder}. A line that is not a reply this version understands
 * is a {@link ProtocolException}.
 */
public final class ResponseDecoder {

    private final ObjectMapper json;

    public ResponseDecoder(ObjectMapper json) {
        this.json = json;
    }

    public Response decode(String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("reply is not JSON: " + line, e);
        }
        if (node == null || !node.isObject() || !node.path(Wire.OK).isBoolean()) {
            throw new ProtocolException("reply has no \"ok\": " + line, null);
        }
        try {
            return node.get(Wire.OK).booleanValue() ? success(node) : failure(node);
        } catch (RuntimeException e) {
            throw new ProtocolException("reply not understood: " + line, e);
        }
    }

    /**
     * A refusal. A code this client does not know (a newer server's) is read as
     * {@link ErrorCode#INTERNAL}: the server's message, which a person reads, is kept whole.
     */
    private static Response failure(JsonNode node) {
        ErrorCode code = ErrorCode.fromWire(text(node, Wire.CODE)).orElse(ErrorCode.INTERNAL);
        String message = text(node, Wire.MESSAGE);
        if (node.has(Wire.AT) && node.path(Wire.CLASS).asInt(-1) == 0) {
            return new Response.CheckInRefused(time(node, Wire.AT), code, message);
        }
        return new Response.Failure(code, message);
    }

    private static Response.Assigned assigned(JsonNode node) {
        List<String> teachers = new ArrayList<>();
        for (JsonNode name : node.path(Wire.TEACHERS)) {
            teachers.add(name.asText());
        }
        return new Response.Assigned(node.path(Wire.CLASS).asInt(), teachers);
    }

    private static Response success(JsonNode node) {
        Op op = Op.fromWire(text(node, Wire.OP)).orElseThrow(() -> new IllegalArgumentException("unknown op"));
        return switch (op) {
            case HELLO -> new Response.Hello(node.path(Wire.PROTOCOL).asInt(), text(node, Wire.SERVER),
                    text(node, Wire.LANG), node.path(Wire.OPEN_MODE).asBoolean());
            case LOGIN -> new Response.LoggedIn(text(node, Wire.TEACHER),
                    node.hasNonNull(Wire.TOKEN) ? Optional.of(text(node, Wire.TOKEN)) : Optional.empty());
            case RESUME -> new Response.Resumed(text(node, Wire.TEACHER));
            case OPEN -> new Response.Opened(node.path(Wire.CLASS).asInt(), time(node, Wire.OPENED_AT),
                    codePolicy(node), node.path(Wire.SHARED_DEVICES).asBoolean(), code(node), lateAfter(node));
            case CLOSE, STATUS -> new Response.RollCallReply(rollCall(node), codePolicy(node), code(node),
                    new RollCallAlerts(node.path(Wire.WRONG_CODES).asInt(0), node.path(Wire.DEVICES_TRYING_SEVERAL).asInt(0)),
                    names(node.path(Wire.HAS_ROSTER).asBoolean(false), List.of(node)));
            case CHECKIN -> new Response.CheckedIn(node.path(Wire.CLASS).asInt(), time(node, Wire.AT),
                    node.path(Wire.ALREADY_REGISTERED).asBoolean(),
                    node.hasNonNull(Wire.REPLACED) ? Optional.of(new Matricula(text(node, Wire.REPLACED))) : Optional.empty(),
                    Wire.LATE.equals(node.path(Wire.STATUS).asText()));
            case HISTORY -> {
                List<PastRollCall> past = new ArrayList<>();
                ClassId classId = new ClassId(node.path(Wire.CLASS).asInt());
                for (JsonNode item : node.path(Wire.ROLL_CALLS)) {
                    past.add(new PastRollCall(item.path(Wire.ID).asLong(), classId, new TeacherName(text(item, Wire.TEACHER)),
                            time(item, Wire.OPENED_AT), time(item, Wire.CLOSED_AT), item.path(Wire.COUNT).asInt(),
                            item.hasNonNull(Wire.CLOSED_BY) ? Optional.of(new TeacherName(text(item, Wire.CLOSED_BY)))
                                    : Optional.empty()));
                }
                yield new Response.History(classId.value(), past);
            }
            case EXPORT -> {
                List<NumberedRollCall> rollCalls = new ArrayList<>();
                List<JsonNode> items = new ArrayList<>();
                boolean hasRoster = false;
                for (JsonNode item : node.path(Wire.ROLL_CALLS)) {
                    rollCalls.add(new NumberedRollCall(item.path(Wire.ID).asLong(), rollCall(item)));
                    items.add(item);
                    hasRoster |= item.path(Wire.HAS_ROSTER).asBoolean(false);
                }
                yield new Response.Export(node.path(Wire.CLASS).asInt(), rollCalls, names(hasRoster, items));
            }
            case MARK -> new Response.Marked(node.path(Wire.CLASS).asInt(), node.path(Wire.ROLL_CALL).asLong(),
                    new Matricula(text(node, Wire.MATRICULA)), status(node, Wire.FROM),
                    status(node, Wire.STATUS).orElseThrow(), time(node, Wire.AT));
            case REPORT -> {
                ClassId classId = new ClassId(node.path(Wire.CLASS).asInt());
                List<ReportLine> lines = new ArrayList<>();
                for (JsonNode item : node.path(Wire.STUDENTS)) {
                    lines.add(reportLine(item));
                }
                yield new Response.Report(new AttendanceReport(classId,
                        node.hasNonNull(Wire.FROM) ? Optional.of(LocalDate.parse(text(node, Wire.FROM))) : Optional.empty(),
                        node.hasNonNull(Wire.TO) ? Optional.of(LocalDate.parse(text(node, Wire.TO))) : Optional.empty(),
                        LateCountsAs.fromWire(text(node, Wire.LATE_COUNTS_AS)).orElseThrow(),
                        node.path(Wire.ROLL_CALL_COUNT).asInt(), lines, reportLine(node.path(Wire.TOTALS)),
                        byRollCall(node.path(Wire.ROLL_CALLS))));
            }
            case AUDIT -> {
                ClassId classId = new ClassId(node.path(Wire.CLASS).asInt());
                List<AuditEntry> entries = new ArrayList<>();
                for (JsonNode item : node.path(Wire.ENTRIES)) {
                    entries.add(new AuditEntry(item.path(Wire.ID).asLong(), time(item, Wire.AT),
                            new TeacherName(text(item, Wire.TEACHER)), classId, item.path(Wire.ROLL_CALL).asLong(),
                            new Matricula(text(item, Wire.MATRICULA)), status(item, Wire.FROM),
                            status(item, Wire.TO).orElseThrow(), new Reason(text(item, Wire.REASON))));
                }
                yield new Response.Audit(classId.value(), entries);
            }
            case ROSTER -> {
                List<RosterEntry> students = new ArrayList<>();
                for (JsonNode item : node.path(Wire.STUDENTS)) {
                    students.add(new RosterEntry(new Matricula(text(item, Wire.MATRICULA)),
                            new StudentName(text(item, Wire.NAME))));
                }
                yield new Response.RosterList(node.path(Wire.CLASS).asInt(), students);
            }
            case ROSTER_IMPORT -> node.has(Wire.STAGED)
                    ? new Response.RosterStaged(node.path(Wire.CLASS).asInt(), node.path(Wire.STAGED).asInt())
                    : new Response.RosterImported(new RosterChange(new ClassId(node.path(Wire.CLASS).asInt()),
                            node.path(Wire.ADDED).asInt(), node.path(Wire.RENAMED).asInt(),
                            node.path(Wire.REMOVED).asInt(), node.path(Wire.STUDENTS).asInt()));
            case CLASS_DEFAULTS -> new Response.ClassDefaults(node.path(Wire.CLASS).asInt(), lateAfter(node));
            case TEACHERS -> {
                List<Response.TeacherAccount> teachers = new ArrayList<>();
                for (JsonNode item : node.path(Wire.TEACHERS)) {
                    teachers.add(new Response.TeacherAccount(text(item, Wire.NAME), item.path(Wire.ADMIN).asBoolean(),
                            item.path(Wire.DISABLED).asBoolean(), item.path(Wire.FROM_FILE).asBoolean()));
                }
                yield new Response.Teachers(teachers);
            }
            case ACCOUNT -> new Response.AccountChanged(text(node, Wire.ACTION), text(node, Wire.NAME));
            case ASSIGN -> assigned(node);
            case ASSIGNMENTS -> {
                List<Response.Assigned> classes = new ArrayList<>();
                for (JsonNode item : node.path(Wire.CLASSES)) {
                    classes.add(assigned(item));
                }
                yield new Response.Assignments(classes);
            }
            case STUDENT_DATA -> new Response.StudentData(StudentRecordsJson.read(node));
            case FORGET -> new Response.Forgotten(text(node, Wire.PSEUDONYM));
            case MESSAGE -> new Response.MessageSent(node.path(Wire.CLASS).asInt(), node.path(Wire.ID).asLong(),
                    Wire.parseTime(text(node, Wire.AT)));
            case INBOX -> {
                ClassId classId = new ClassId(node.path(Wire.CLASS).asInt());
                List<ClassMessage> messages = new ArrayList<>();
                for (JsonNode item : node.path(Wire.MESSAGES)) {
                    messages.add(new ClassMessage(item.path(Wire.ID).asLong(), classId,
                            item.hasNonNull(Wire.MATRICULA) ? Optional.of(new Matricula(text(item, Wire.MATRICULA)))
                                    : Optional.empty(),
                            new MessageText(text(item, Wire.TEXT)), Wire.parseTime(text(item, Wire.AT)),
                            item.path(Wire.READ).asBoolean()));
                }
                yield new Response.Inbox(classId.value(), messages, shown(node, classId));
            }
            case READ -> new Response.MarkedRead(node.path(Wire.CLASS).asInt(), node.path(Wire.MARKED).asInt());
            case ANONYMOUS -> new Response.Anonymous(node.path(Wire.CLASS).asInt(), node.path(Wire.ANONYMOUS).asBoolean());
            case SHOW -> new Response.QuestionShown(node.path(Wire.CLASS).asInt(),
                    shown(node, new ClassId(node.path(Wire.CLASS).asInt())));
            case WATCH -> new Response.Watching(node.path(Wire.CLASS).asInt());
            case MATERIALS -> {
                List<Material> materials = new ArrayList<>();
                for (JsonNode item : node.path(Wire.MATERIALS)) {
                    materials.add(material(node.path(Wire.CLASS).asInt(), item));
                }
                yield new Response.Materials(node.path(Wire.CLASS).asInt(), materials);
            }
            case UPLOAD -> node.has(Wire.PUBLISHED_AT)
                    ? new Response.Uploaded(material(node.path(Wire.CLASS).asInt(), node))
                    : new Response.UploadReady(node.path(Wire.CLASS).asInt(), text(node, Wire.FILE),
                            node.path(Wire.SIZE).asLong());
            case DOWNLOAD -> new Response.Download(material(node.path(Wire.CLASS).asInt(), node),
                    node.path(Wire.OFFSET).asLong(), node.path(Wire.LENGTH).asLong());
            case REMOVE_MATERIAL -> new Response.MaterialRemoved(node.path(Wire.CLASS).asInt(), text(node, Wire.FILE));
            case BACKUP -> new Response.Backup(time(node, Wire.AT), node.path(Wire.SIZE).asLong(), text(node, Wire.SHA256),
                    node.path(Wire.MATERIAL_FILES).asInt());
            case HEALTH -> new Response.Health(node.path(Wire.HEALTHY).asBoolean(),
                    node.hasNonNull(Wire.PROBLEM) ? Optional.of(text(node, Wire.PROBLEM)) : Optional.empty(),
                    node.path(Wire.JOURNAL_LAG).asLong());
            case HELP -> {
                List<String> commands = new ArrayList<>();
                node.path(Wire.COMMANDS).forEach(c -> commands.add(c.asText()));
                yield new Response.Help(commands);
            }
            case QUIT -> new Response.Goodbye(text(node, Wire.MESSAGE));
        };
    }

    /**
     * A material as a reply describes it. A client never learns where the server keeps the bytes,
     * nor the store's number for it: those are left empty.
     */
    private static Material material(int classId, JsonNode node) {
        return new Material(0, new ClassId(classId), new MaterialName(text(node, Wire.FILE)), node.path(Wire.SIZE).asLong(),
                text(node, Wire.SHA256), "", Wire.parseTime(text(node, Wire.PUBLISHED_AT)),
                new TeacherName(text(node, Wire.PUBLISHED_BY)));
    }

    /** A server older than codes sends no policy: its roll calls asked for none. */
    private static CodePolicy codePolicy(JsonNode node) {
        return node.hasNonNull(Wire.CODE_POLICY)
                ? CodePolicy.fromWire(text(node, Wire.CODE_POLICY)).orElseThrow(
                        () -> new IllegalArgumentException("unknown code policy"))
                : CodePolicy.NONE;
    }

    private static Optional<CurrentCode> code(JsonNode node) {
        if (!node.hasNonNull(Wire.CHECK_IN_CODE)) {
            return Optional.empty();
        }
        Optional<OffsetDateTime> expiresAt = node.hasNonNull(Wire.CODE_EXPIRES_AT)
                ? Optional.of(time(node, Wire.CODE_EXPIRES_AT)) : Optional.empty();
        return Optional.of(new CurrentCode(text(node, Wire.CHECK_IN_CODE), expiresAt));
    }

    /**
     * The roll call a reply describes. Of its rules the client learns only the code policy and
     * when check-ins become late, which is what {@link RollCall#isLate} needs.
     */
    private static RollCall rollCall(JsonNode node) {
        List<CheckIn> present = new ArrayList<>();
        for (JsonNode item : node.path(Wire.PRESENT)) {
            present.add(new CheckIn(new Matricula(text(item, Wire.MATRICULA)), time(item, Wire.AT)));
        }
        CheckInRules rules = CheckInRules.none().withLateAfter(lateAfter(node));
        OffsetDateTime openedAt = time(node, Wire.OPENED_AT);
        Map<Matricula, AttendanceStatus> statuses = new HashMap<>();
        for (JsonNode item : node.path(Wire.PRESENT)) {
            // A status other than the check-in's own is a teacher's correction.
            Optional<AttendanceStatus> status = status(item, Wire.STATUS);
            AttendanceStatus byTime = rules.isLate(openedAt, time(item, Wire.AT)) ? AttendanceStatus.LATE
                    : AttendanceStatus.PRESENT;
            if (status.isPresent() && status.get() != byTime) {
                statuses.put(new Matricula(text(item, Wire.MATRICULA)), status.get());
            }
        }
        for (JsonNode item : node.path(Wire.ABSENT)) {
            statuses.put(new Matricula(text(item, Wire.MATRICULA)), AttendanceStatus.ABSENT);
        }
        for (JsonNode item : node.path(Wire.MARKED)) {
            statuses.put(new Matricula(text(item, Wire.MATRICULA)), status(item, Wire.STATUS).orElseThrow());
        }
        Optional<OffsetDateTime> closedAt = node.has(Wire.CLOSED_AT)
                ? Optional.of(time(node, Wire.CLOSED_AT)) : Optional.empty();
        return new RollCall(new ClassId(node.path(Wire.CLASS).asInt()), new TeacherName(text(node, Wire.TEACHER)),
                openedAt, closedAt, present, rules, statuses);
    }

    private static Optional<Duration> lateAfter(JsonNode node) {
        return node.has(Wire.LATE_AFTER) ? Optional.of(Duration.ofMinutes(node.path(Wire.LATE_AFTER).asLong()))
                : Optional.empty();
    }

    /** The names the present students of {@code rollCalls} carry, as a teacher's reply sends them. */
    private static RosterNames names(boolean hasRoster, List<JsonNode> rollCalls) {
        Map<Matricula, StudentName> names = new HashMap<>();
        for (JsonNode rollCall : rollCalls) {
            for (String list : List.of(Wire.PRESENT, Wire.ABSENT, Wire.MARKED)) {
                for (JsonNode item : rollCall.path(list)) {
                    if (item.hasNonNull(Wire.NAME)) {
                        names.put(new Matricula(text(item, Wire.MATRICULA)), new StudentName(text(item, Wire.NAME)));
                    }
                }
            }
        }
        return new RosterNames(hasRoster, names);
    }

    private static List<RollCallLine> byRollCall(JsonNode items) {
        List<RollCallLine> lines = new ArrayList<>();
        for (JsonNode item : items) {
            lines.add(new RollCallLine(item.path(Wire.ID).asLong(), time(item, Wire.OPENED_AT), reportLine(item)));
        }
        return lines;
    }

    private static ReportLine reportLine(JsonNode item) {
        return new ReportLine(item.hasNonNull(Wire.MATRICULA) ? Optional.of(new Matricula(text(item, Wire.MATRICULA)))
                : Optional.empty(), item.hasNonNull(Wire.NAME) ? Optional.of(new StudentName(text(item, Wire.NAME)))
                : Optional.empty(), item.path(Wire.PRESENT).asInt(), item.path(Wire.LATE).asInt(),
                item.path(Wire.EXCUSED).asInt(), item.path(Wire.ABSENT).asInt(),
                item.has(Wire.RATE) ? Optional.of(item.path(Wire.RATE).asDouble()) : Optional.empty());
    }

    private static Optional<AttendanceStatus> status(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(AttendanceStatus.fromWire(text(node, field))
                .orElseThrow(() -> new IllegalArgumentException("unknown status"))) : Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing text field " + field);
        }
        return value.asText();
    }

    private static OffsetDateTime time(JsonNode node, String field) {
        return Wire.parseTime(text(node, field));
    }

    /** The question of a reply's {@code shown}, if any; its sender is never sent, and it counts as read. */
    private static Optional<ClassMessage> shown(JsonNode node, ClassId classId) {
        JsonNode shown = node.path(Wire.SHOWN);
        if (!shown.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new ClassMessage(shown.path(Wire.ID).asLong(), classId, Optional.empty(),
                new MessageText(text(shown, Wire.TEXT)), Wire.parseTime(text(shown, Wire.AT)), true));
    }
}
