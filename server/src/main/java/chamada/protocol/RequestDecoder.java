package chamada.protocol;

import chamada.attendance.LateCountsAs;
import chamada.attendance.Reason;
import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.error.Expected;
import chamada.error.Fields;
import chamada.i18n.Lang;
import chamada.materials.MaterialChoice;
import chamada.materials.MaterialName;
import chamada.materials.MaterialService;
import chamada.messages.MessageService;
import chamada.messages.MessageText;
import chamada.messages.ShownChoice;
import chamada.rollcall.AttendanceStatus;
import chamada.rollcall.CheckInCode;
import chamada.rollcall.CheckInRules;
import chamada.rollcall.ClassId;
import chamada.rollcall.CodePolicy;
import chamada.rollcall.Matricula;
import chamada.rollcall.TeacherName;
import chamada.roster.Roster;
import chamada.roster.RosterEntry;
import chamada.roster.StudentName;
import chamada.teachers.AccountAction;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one line of the native protocol into a {@link Request}: a JSON object such as
 * {@code {"op":"checkin","matricula":"042191010","class":1010}}, or the same typed as
 * words, {@code checkin 042191010 1010}. Both forms go through the same field checks,
 * so they are refused with the same errors.
 *
 * <p>Stateless and thread-safe.
 */
public final class RequestDecoder {

    /** The first line of an HTTP request, e.g. {@code POST / HTTP/1.1}. */
    private static final Pattern HTTP_REQUEST_LINE = Pattern.compile("[A-Z]+ \\S+ HTTP/\\d(\\.\\d)?");

    /** The matrícula a typed message gives to be anonymous. */
    public static final String ANONYMOUS_SENDER = "-";

    private final ObjectMapper json;

    public RequestDecoder(ObjectMapper json) {
        this.json = json;
    }

    /** Decodes a line without its terminator; throws {@link ChamadaException} naming what is wrong. */
    public Request decode(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("{")) {
            return decodeJson(trimmed);
        }
        return decodeWords(trimmed);
    }

    private Request decodeJson(String line) {
        return decodeFlat(line).orElseGet(() -> decodeTree(line));
    }

    /**
     * The usual request, a flat object of strings (and a number for the class, a boolean for
     * shared devices), read without building a tree; empty for anything else, which
     * {@link #decodeTree} then answers, so that every refusal comes from one place. A tree per
     * request was the larger part of what the server allocated per check-in (BENCHMARKS.md,
     * "Issue 11").
     */
    private Optional<Request> decodeFlat(String line) {
        Map<String, String> values = new HashMap<>();
        try (JsonParser parser = json.getFactory().createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                switch (parser.nextToken()) {
                    case VALUE_STRING -> values.put(name, parser.getText());
                    case VALUE_NULL -> {
                    }
                    case VALUE_NUMBER_INT -> {
                        if (!isNumber(name)) {
                            return Optional.empty();
                        }
                        values.put(name, parser.getNumberValue().toString());
                    }
                    case VALUE_TRUE, VALUE_FALSE -> {
                        if (!isYesNo(name)) {
                            return Optional.empty();
                        }
                        values.put(name, Boolean.toString(parser.getBooleanValue()));
                    }
                    case null, default -> {
                        return Optional.empty();
                    }
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        String opName = values.remove(Wire.OP);
        Optional<Op> op = opName == null ? Optional.empty() : Op.fromWire(opName);
        if (op.isEmpty() || op.get() == Op.ROSTER_IMPORT || op.get() == Op.ASSIGN || op.get() == Op.READ) {
            return Optional.empty(); // their students, teachers and ids are lists: read only from the tree
        }
        values.keySet().retainAll(op.get().fields());
        return Optional.of(build(op.get(), values));
    }

    private Request decodeTree(String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            int column = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
            throw new ChamadaException(ErrorCode.BAD_JSON, column);
        }
        if (node == null || !node.isObject()) {
            throw new ChamadaException(ErrorCode.BAD_JSON, 1);
        }
        JsonNode opNode = node.get(Wire.OP);
        if (opNode == null || opNode.isNull()) {
            throw new ChamadaException(ErrorCode.MISSING_FIELD, Wire.OP, Expected.OP);
        }
        if (!opNode.isTextual()) {
            throw Fields.invalid(Wire.OP, opNode.toString(), Expected.OP);
        }
        Op op = Op.fromWire(opNode.asText())
                .orElseThrow(() -> new ChamadaException(ErrorCode.UNKNOWN_COMMAND, Fields.echo(opNode.asText())));
        Map<String, String> fields = new HashMap<>();
        for (String field : op.fields()) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (op == Op.ASSIGN && field.equals(Wire.TEACHERS)) {
                fields.put(field, teacherWords(value));
                continue;
            }
            if (op == Op.READ && field.equals(Wire.IDS)) {
                fields.put(field, idWords(value));
                continue;
            }
            if (op == Op.DOWNLOAD && field.equals(Wire.FILE) && value.isIntegralNumber()) {
                fields.put(Wire.NUMBER, value.asText()); // a number names the material by its place; a string, by its name
                continue;
            }
            if (value.isTextual() || (isNumber(field) && value.isIntegralNumber())
                    || (isYesNo(field) && value.isBoolean())) {
                fields.put(field, value.asText());
            } else {
                // A number would lose a matrícula's leading zeros; objects and lists mean nothing here.
                throw Fields.invalid(field, value.toString(), expectation(field));
            }
        }
        if (op == Op.ROSTER_IMPORT) {
            return new Request.RosterImport(classId(fields), students(node.get(Wire.STUDENTS)),
                    Optional.ofNullable(fields.get(Wire.PART)).map(RequestDecoder::part).orElse(1),
                    yesNo(fields, Wire.MORE));
        }
        return build(op, fields);
    }

    /** An assignment's teachers, a list of names, as the words its typed form takes. */
    private static String teacherWords(JsonNode node) {
        if (!node.isArray()) {
            throw Fields.invalid(Wire.TEACHERS, node.toString(), Expected.TEACHER_NAMES);
        }
        List<String> names = new ArrayList<>(node.size());
        for (JsonNode name : node) {
            if (!name.isTextual()) {
                throw Fields.invalid(Wire.TEACHERS, node.toString(), Expected.TEACHER_NAMES);
            }
            names.add(TeacherName.ofLogin(name.asText()).value()); // a name with a space would become two
        }
        return String.join(" ", names);
    }

    /** A mark-read's ids, a list of whole numbers, as the words its typed form takes. */
    private static String idWords(JsonNode node) {
        if (!node.isArray() || node.size() > MessageService.MARK_LIMIT) {
            throw Fields.invalid(Wire.IDS, node.toString(), Expected.MESSAGE_IDS);
        }
        List<String> ids = new ArrayList<>(node.size());
        for (JsonNode id : node) {
            if (!id.isIntegralNumber()) {
                throw Fields.invalid(Wire.IDS, node.toString(), Expected.MESSAGE_IDS);
            }
            ids.add(id.asText());
        }
        return String.join(" ", ids);
    }

    /** A roster import's students: a list of objects, each a matrícula and a name as strings. */
    private static List<RosterEntry> students(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new ChamadaException(ErrorCode.MISSING_FIELD, Wire.STUDENTS, Expected.STUDENTS);
        }
        if (!node.isArray()) {
            throw Fields.invalid(Wire.STUDENTS, node.toString(), Expected.STUDENTS);
        }
        List<RosterEntry> students = new ArrayList<>(node.size());
        for (JsonNode student : node) {
            JsonNode matricula = student.get(Wire.MATRICULA);
            JsonNode name = student.get(Wire.NAME);
            if (!student.isObject() || matricula == null || !matricula.isTextual() || name == null || !name.isTextual()) {
                throw Fields.invalid(Wire.STUDENTS, student.toString(), Expected.STUDENTS);
            }
            students.add(new RosterEntry(new Matricula(matricula.asText()), new StudentName(name.asText())));
        }
        return students;
    }

    private static boolean isNumber(String field) {
        return field.equals(Wire.CLASS) || field.equals(Wire.LATE_AFTER) || field.equals(Wire.PART)
                || field.equals(Wire.ROLL_CALL) || field.equals(Wire.SIZE) || field.equals(Wire.OFFSET)
                || field.equals(Wire.ID);
    }

    /** A report's request: a period whose end is not before its start. */
    private static Request.Report report(Map<String, String> fields) {
        Optional<LocalDate> from = Optional.ofNullable(fields.get(Wire.FROM)).map(text -> date(Wire.FROM, text));
        Optional<LocalDate> to = Optional.ofNullable(fields.get(Wire.TO)).map(text -> date(Wire.TO, text));
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw Fields.invalid(Wire.TO, fields.get(Wire.TO), Expected.DATE_NOT_BEFORE_FROM);
        }
        return new Request.Report(classId(fields), from, to, Optional.ofNullable(fields.get(Wire.LATE_COUNTS_AS))
                .map(RequestDecoder::lateCountsAs).orElse(LateCountsAs.PRESENT));
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Fields.invalid(field, text, Expected.DATE);
        }
    }

    private static LateCountsAs lateCountsAs(String word) {
        return LateCountsAs.fromWire(word).orElseThrow(() -> Fields.invalid(Wire.LATE_COUNTS_AS, word,
                Expected.LATE_COUNTS_AS));
    }

    private static AttendanceStatus status(String word) {
        return AttendanceStatus.fromWire(word).orElseThrow(() -> Fields.invalid(Wire.STATUS, word, Expected.STATUS));
    }

    private static long rollCallId(String number) {
        if (number.isEmpty() || number.length() > 18 || !number.chars().allMatch(c -> c >= '0' && c <= '9')
                || Long.parseLong(number) < 1) {
            throw Fields.invalid(Wire.ROLL_CALL, number, Expected.ROLL_CALL_ID);
        }
        return Long.parseLong(number);
    }

    /** A roster import's part number: from 1 to as many parts as a roster can need. */
    private static int part(String number) {
        if (number.isEmpty() || number.length() > 4 || !number.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(number) < 1 || Integer.parseInt(number) > Roster.MAX_STUDENTS) {
            throw Fields.invalid(Wire.PART, number, Expected.PART);
        }
        return Integer.parseInt(number);
    }

    private static boolean isYesNo(String field) {
        return field.equals(Wire.SHARED_DEVICES) || field.equals(Wire.ACCEPT_UNKNOWN) || field.equals(Wire.MORE)
                || field.equals(Wire.ADMIN) || field.equals(Wire.UNREAD) || field.equals(Wire.ANONYMOUS);
    }

    private Request decodeWords(String line) {
        if (line.isEmpty()) {
            throw new ChamadaException(ErrorCode.UNKNOWN_COMMAND, "");
        }
        List<String> words = List.of(line.split("\\s+"));
        Optional<Op> known = Op.fromWire(words.getFirst());
        if (known.isEmpty() && HTTP_REQUEST_LINE.matcher(line).matches()) {
            // A browser sent here, maybe by a hostile page: its body's lines must never be read as requests.
            throw new ChamadaException(ErrorCode.NOT_HTTP);
        }
        Op op = known.orElseThrow(() -> new ChamadaException(ErrorCode.UNKNOWN_COMMAND, Fields.echo(words.getFirst())));
        List<String> args = words.subList(1, words.size());
        if (op == Op.MARK && args.size() > op.required()) {
            // The reason is every word after the status: "mark 1010 042191010 excused atestado médico".
            args = new java.util.ArrayList<>(args.subList(0, op.required() - 1));
            args.add(String.join(" ", words.subList(op.required(), words.size())));
        }
        if ((op == Op.ASSIGN || op == Op.READ) && args.size() > op.fields().size()) {
            // Every word after the class is a teacher's name, "assign 1010 ana bia", or a message's id.
            args = List.of(args.getFirst(), String.join(" ", args.subList(1, args.size())));
        }
        if (op == Op.MESSAGE && args.size() > op.fields().size()) {
            // The text is every word after the matrícula: "message 1010 042191010 posso entregar amanhã?".
            args = List.of(args.get(0), args.get(1), String.join(" ", args.subList(2, args.size())));
        }
        if (args.size() < op.required() || args.size() > op.fields().size()) {
            throw new ChamadaException(ErrorCode.WRONG_ARGUMENTS, op.wire(), op.usage());
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            fields.put(op.fields().get(i), args.get(i));
        }
        if (op == Op.DOWNLOAD && MaterialChoice.parse(fields.get(Wire.FILE)) instanceof MaterialChoice.ByNumber) {
            fields.put(Wire.NUMBER, fields.remove(Wire.FILE)); // typed, digits are the material's number
        }
        return build(op, fields);
    }

    private static Request build(Op op, Map<String, String> fields) {
        return switch (op) {
            case HELLO -> new Request.Hello(Optional.ofNullable(fields.get(Wire.LANG)).map(RequestDecoder::lang));
            case LOGIN -> new Request.Login(require(fields, Wire.NAME), secret(require(fields, Wire.SECRET)));
            case RESUME -> new Request.Resume(token(require(fields, Wire.TOKEN)));
            case OPEN -> new Request.Open(classId(fields),
                    Optional.ofNullable(fields.get(Wire.CODE_POLICY)).map(RequestDecoder::codePolicy),
                    yesNo(fields, Wire.SHARED_DEVICES), yesNo(fields, Wire.ACCEPT_UNKNOWN),
                    Optional.ofNullable(fields.get(Wire.LATE_AFTER)).map(CheckInRules::lateAfterMinutes));
            case CLOSE -> new Request.Close(classId(fields));
            case STATUS -> new Request.Status(classId(fields));
            case CHECKIN -> new Request.CheckIn(new Matricula(require(fields, Wire.MATRICULA)), classId(fields),
                    Optional.ofNullable(fields.get(Wire.CHECK_IN_CODE)).map(CheckInCode::parse), Optional.empty());
            case HISTORY -> new Request.History(classId(fields));
            case EXPORT -> new Request.Export(classId(fields));
            case ROSTER -> new Request.RosterList(classId(fields));
            case MARK -> new Request.Mark(classId(fields), new Matricula(require(fields, Wire.MATRICULA)),
                    status(require(fields, Wire.STATUS)), new Reason(require(fields, Wire.REASON)),
                    Optional.ofNullable(fields.get(Wire.ROLL_CALL)).map(RequestDecoder::rollCallId));
            case AUDIT -> new Request.Audit(classId(fields));
            case REPORT -> report(fields);
            case ROSTER_IMPORT -> throw new ChamadaException(ErrorCode.MISSING_FIELD, Wire.STUDENTS, Expected.STUDENTS);
            case CLASS_DEFAULTS -> classDefaults(fields);
            case TEACHERS -> new Request.Teachers();
            case ACCOUNT -> account(fields);
            case ASSIGN -> new Request.Assign(classId(fields), Optional.ofNullable(fields.get(Wire.TEACHERS)).stream()
                    .flatMap(words -> Arrays.stream(words.split(" "))).filter(word -> !word.isEmpty())
                    .map(TeacherName::ofLogin).toList());
            case ASSIGNMENTS -> new Request.Assignments();
            case STUDENT_DATA -> new Request.StudentData(new Matricula(require(fields, Wire.MATRICULA)));
            case FORGET -> new Request.ForgetStudent(new Matricula(require(fields, Wire.MATRICULA)));
            case MESSAGE -> new Request.Message(classId(fields), sender(fields.get(Wire.MATRICULA)),
                    new MessageText(require(fields, Wire.TEXT)));
            case INBOX -> new Request.Inbox(classId(fields), yesNo(fields, Wire.UNREAD));
            case READ -> new Request.MarkRead(classId(fields), ids(require(fields, Wire.IDS)));
            case ANONYMOUS -> new Request.Anonymous(classId(fields),
                    Optional.ofNullable(fields.get(Wire.ANONYMOUS)).map(word -> yesNo(Wire.ANONYMOUS, word)));
            case SHOW -> new Request.Show(classId(fields), ShownChoice.parse(require(fields, Wire.ID)));
            case WATCH -> new Request.Watch(classId(fields));
            case MATERIALS -> new Request.Materials(classId(fields));
            case UPLOAD -> new Request.Upload(classId(fields), new MaterialName(require(fields, Wire.FILE)),
                    wholeNumber(Wire.SIZE, require(fields, Wire.SIZE), Expected.SIZE),
                    Optional.of(sha256(require(fields, Wire.SHA256))));
            case DOWNLOAD -> new Request.Download(classId(fields), fields.containsKey(Wire.NUMBER)
                    ? new MaterialChoice.ByNumber((int) Math.min(Integer.MAX_VALUE,
                            wholeNumber(Wire.FILE, fields.get(Wire.NUMBER), Expected.MATERIAL)))
                    : new MaterialChoice.ByName(new MaterialName(require(fields, Wire.FILE))),
                    Optional.ofNullable(fields.get(Wire.OFFSET)).map(text -> wholeNumber(Wire.OFFSET, text, Expected.OFFSET))
                            .orElse(0L));
            case REMOVE_MATERIAL -> new Request.RemoveMaterial(classId(fields), new MaterialName(require(fields, Wire.FILE)));
            case BACKUP -> new Request.Backup();
            case HEALTH -> new Request.Health();
            case HELP -> new Request.Help();
            case QUIT -> new Request.Quit();
        };
    }

    /** A class's defaults: read, or set to {@code late_after} minutes, or none with {@code off}. */
    private static Request.ClassDefaults classDefaults(Map<String, String> fields) {
        String late = fields.get(Wire.LATE_AFTER);
        if (late == null) {
            return new Request.ClassDefaults(classId(fields), false, Optional.empty());
        }
        return new Request.ClassDefaults(classId(fields), true,
                late.equals(Wire.OFF) ? Optional.empty() : Optional.of(CheckInRules.lateAfterMinutes(late)));
    }

    /** An account change: an add or a new secret carries the secret; only an add makes an administrator. */
    private static Request.Account account(Map<String, String> fields) {
        String word = require(fields, Wire.ACTION);
        AccountAction action = AccountAction.fromWire(word)
                .orElseThrow(() -> Fields.invalid(Wire.ACTION, word, Expected.ACCOUNT_ACTION));
        TeacherName name = TeacherName.ofLogin(require(fields, Wire.NAME));
        Optional<String> secret = action.setsSecret() ? Optional.of(secret(require(fields, Wire.SECRET)))
                : Optional.empty();
        return new Request.Account(action, name, secret, action == AccountAction.ADD && yesNo(fields, Wire.ADMIN));
    }

    /** A message's sender: a matrícula, or none ({@code -} typed, or no field in JSON) for an anonymous message. */
    private static Optional<Matricula> sender(String matricula) {
        return matricula == null || matricula.equals(ANONYMOUS_SENDER) ? Optional.empty()
                : Optional.of(new Matricula(matricula));
    }

    private static long wholeNumber(String field, String text, Expected expected) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw Fields.invalid(field, text, expected);
        }
        return Long.parseLong(text);
    }

    private static String sha256(String text) {
        if (!MaterialService.isSha256(text)) {
            throw Fields.invalid(Wire.SHA256, text, Expected.SHA256);
        }
        return text;
    }

    private static List<Long> ids(String words) {
        List<Long> ids = new ArrayList<>();
        for (String word : words.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (word.length() > 18 || !word.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw Fields.invalid(Wire.IDS, word, Expected.MESSAGE_IDS);
            }
            ids.add(Long.parseLong(word));
        }
        if (ids.isEmpty() || ids.size() > MessageService.MARK_LIMIT) {
            throw Fields.invalid(Wire.IDS, words, Expected.MESSAGE_IDS);
        }
        return ids;
    }

    private static ClassId classId(Map<String, String> fields) {
        return ClassId.parse(require(fields, Wire.CLASS));
    }

    private static CodePolicy codePolicy(String word) {
        return CodePolicy.fromWire(word).orElseThrow(() -> Fields.invalid(Wire.CODE_POLICY, word, Expected.CODE_POLICY));
    }

    private static boolean yesNo(Map<String, String> fields, String field) {
        return Optional.ofNullable(fields.get(field)).map(word -> yesNo(field, word)).orElse(false);
    }

    private static boolean yesNo(String field, String word) {
        return switch (word) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Fields.invalid(field, word, Expected.YES_NO);
        };
    }

    private static Lang lang(String tag) {
        return Lang.parse(tag).orElseThrow(() -> Fields.invalid(Wire.LANG, tag, Expected.LANG));
    }

    private static String token(String token) {
        if (token.isEmpty() || token.length() > 512) {
            throw Fields.invalid(Wire.TOKEN, "***", Expected.TOKEN);
        }
        return token;
    }

    private static String secret(String secret) {
        if (secret.isEmpty() || secret.length() > 256) {
            throw Fields.invalid(Wire.SECRET, "***", Expected.SECRET);
        }
        return secret;
    }

    private static String require(Map<String, String> fields, String field) {
        String value = fields.get(field);
        if (value == null) {
            throw new ChamadaException(ErrorCode.MISSING_FIELD, field, expectation(field));
        }
        return value;
    }

    private static Expected expectation(String field) {
        return switch (field) {
            case Wire.CLASS -> Expected.CLASS_ID;
            case Wire.MATRICULA -> Expected.MATRICULA;
            case Wire.NAME -> Expected.TEACHER_NAME;
            case Wire.SECRET -> Expected.SECRET;
            case Wire.LANG -> Expected.LANG;
            case Wire.CODE_POLICY -> Expected.CODE_POLICY;
            case Wire.SHARED_DEVICES, Wire.ACCEPT_UNKNOWN, Wire.MORE, Wire.UNREAD, Wire.ANONYMOUS -> Expected.YES_NO;
            case Wire.TEXT -> Expected.MESSAGE_TEXT;
            case Wire.IDS -> Expected.MESSAGE_IDS;
            case Wire.FILE -> Expected.MATERIAL;
            case Wire.SIZE -> Expected.SIZE;
            case Wire.SHA256 -> Expected.SHA256;
            case Wire.OFFSET -> Expected.OFFSET;
            case Wire.STUDENTS -> Expected.STUDENTS;
            case Wire.LATE_AFTER -> Expected.LATE_AFTER;
            case Wire.PART -> Expected.PART;
            case Wire.STATUS -> Expected.STATUS;
            case Wire.REASON -> Expected.REASON;
            case Wire.ROLL_CALL -> Expected.ROLL_CALL_ID;
            case Wire.FROM, Wire.TO -> Expected.DATE;
            case Wire.ACTION -> Expected.ACCOUNT_ACTION;
            case Wire.ADMIN -> Expected.YES_NO;
            case Wire.TEACHERS -> Expected.TEACHER_NAMES;
            case Wire.LATE_COUNTS_AS -> Expected.LATE_COUNTS_AS;
            case Wire.CHECK_IN_CODE -> Expected.CODE;
            default -> Expected.TEXT;
        };
    }
}
