package chamada.store;

import chamada.rollcall.Assignment;
import chamada.rollcall.ClassId;
import chamada.rollcall.TeacherName;
import chamada.teachers.Account;
import chamada.teachers.AccountChange;
import chamada.teachers.AccountEdit;
import chamada.teachers.FileTeacher;
import chamada.teachers.PasswordHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The teachers' accounts and class assignments, decided in SQL that both stores share
 * ({@link chamada.teachers.AccountStore}, {@link chamada.rollcall.ClassTeachers}): the tables are
 * alike, and these writes are an administrator's, rare enough to need no journal of their own.
 *
 * <p>Each write method runs inside a transaction its store began, and serializes itself with
 * the store's {@code lock} statement first (PostgreSQL's advisory lock; none on SQLite, whose
 * accounts connection begins every transaction {@code IMMEDIATE}), so that two administrators at
 * once cannot both remove "another" administrator. Stateless.
 */
public final class AccountRules {

    private static final Logger log = LoggerFactory.getLogger(AccountRules.class);

    private static final String ACCOUNT = """
            SELECT name, password_hash, administrator, disabled, from_file FROM teachers WHERE name = ?""";
    private static final String ACCOUNTS = """
            SELECT name, password_hash, administrator, disabled, from_file FROM teachers ORDER BY name""";
    private static final String INSERT = """
            INSERT INTO teachers (name, password_hash, administrator, disabled, from_file) VALUES (?, ?, ?, 0, ?)""";
    private static final String FROM_FILE = """
            UPDATE teachers SET password_hash = ?, administrator = ?, from_file = 1 WHERE name = ?""";
    private static final String DELETE = "DELETE FROM teachers WHERE name = ?";
    private static final String DISABLE = "UPDATE teachers SET disabled = ? WHERE name = ?";
    private static final String PASSWORD = "UPDATE teachers SET password_hash = ? WHERE name = ?";
    private static final String OTHER_ACCOUNTS = "SELECT count(*) FROM teachers WHERE name <> ?";
    private static final String OTHER_ADMINISTRATORS = """
            SELECT count(*) FROM teachers WHERE name <> ? AND administrator = 1 AND disabled = 0""";
    private static final String FILE_ACCOUNTS = "SELECT name FROM teachers WHERE from_file = 1";
    private static final String COUNT = "SELECT count(*) FROM teachers";
    private static final String TEACHERS_OF = "SELECT teacher FROM class_teachers WHERE class_id = ? ORDER BY teacher";
    private static final String UNASSIGN = "DELETE FROM class_teachers WHERE class_id = ?";
    private static final String ASSIGN = "INSERT INTO class_teachers (class_id, teacher) VALUES (?, ?)";
    private static final String ASSIGNMENTS = "SELECT class_id, teacher FROM class_teachers ORDER BY class_id, teacher";

    private final Optional<String> lock;

    /** Rules whose writes run {@code lock} first, where the store needs it to serialize them. */
    public AccountRules(Optional<String> lock) {
        this.lock = lock;
    }

    public Optional<Account> account(Connection connection, TeacherName name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ACCOUNT)) {
            statement.setString(1, name.value());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(account(row)) : Optional.empty();
            }
        }
    }

    public List<Account> accounts(Connection connection) throws SQLException {
        List<Account> accounts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(ACCOUNTS);
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                accounts.add(account(row));
            }
        }
        return accounts;
    }

    /** Decides and makes {@code edit}; the caller commits. */
    public AccountChange change(Connection connection, AccountEdit edit) throws SQLException {
        serialize(connection);
        TeacherName name = edit.name();
        Optional<Account> found = account(connection, name);
        if (edit instanceof AccountEdit.Add add) {
            if (found.isPresent()) {
                return new AccountChange.AlreadyExists(name);
            }
            update(connection, INSERT, name.value(), add.hash().encoded(), flag(add.administrator()), 0);
            return new AccountChange.Changed(name);
        }
        if (found.isEmpty()) {
            return new AccountChange.UnknownTeacher(name);
        }
        Account account = found.get();
        switch (edit) {
            case AccountEdit.Remove remove -> {
                if (account.fromFile()) {
                    return new AccountChange.FromFile(name);
                }
                if (isLastAdministrator(connection, account)) {
                    return new AccountChange.LastAdministrator(name);
                }
                update(connection, DELETE, name.value());
            }
            case AccountEdit.Disable disable -> {
                if (disable.disabled() && isLastAdministrator(connection, account)) {
                    return new AccountChange.LastAdministrator(name);
                }
                update(connection, DISABLE, flag(disable.disabled()), name.value());
            }
            case AccountEdit.Password password -> {
                if (account.fromFile()) {
                    return new AccountChange.FromFile(name);
                }
                update(connection, PASSWORD, password.hash().encoded(), name.value());
            }
            case AccountEdit.Add add -> throw new IllegalStateException("decided above");
        }
        return new AccountChange.Changed(name);
    }

    /** Makes {@code teachers} the file's accounts; the caller commits. Answers how many accounts there are. */
    public int importTeachers(Connection connection, List<FileTeacher> teachers) throws SQLException {
        serialize(connection);
        Set<String> inFile = new HashSet<>();
        for (FileTeacher teacher : teachers) {
            inFile.add(teacher.name().value());
            if (account(connection, teacher.name()).isPresent()) {
                update(connection, FROM_FILE, teacher.hash().encoded(), flag(teacher.administrator()),
                        teacher.name().value());
            } else {
                update(connection, INSERT, teacher.name().value(), teacher.hash().encoded(),
                        flag(teacher.administrator()), 1);
            }
        }
        for (String gone : column(connection, FILE_ACCOUNTS)) {
            if (!inFile.contains(gone)) {
                // On PostgreSQL, a node started with an older file does this for every node: say so.
                log.warn("Teacher {} is no longer in the teachers file: their account and classes removed", gone);
                update(connection, DELETE, gone);
            }
        }
        return count(connection, COUNT, List.of());
    }

    public Set<TeacherName> teachersOf(Connection connection, ClassId classId) throws SQLException {
        Set<TeacherName> teachers = new TreeSet<>(Comparator.comparing(TeacherName::value));
        try (PreparedStatement statement = connection.prepareStatement(TEACHERS_OF)) {
            statement.setInt(1, classId.value());
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    teachers.add(new TeacherName(row.getString(1)));
                }
            }
        }
        return teachers;
    }

    /** Decides and makes the class's assignment; the caller commits. */
    public Assignment assign(Connection connection, ClassId classId, List<TeacherName> teachers) throws SQLException {
        serialize(connection);
        Set<TeacherName> unique = new TreeSet<>(Comparator.comparing(TeacherName::value));
        for (TeacherName teacher : teachers) {
            if (teacher.isReserved() || account(connection, teacher).isEmpty()) {
                return new Assignment.UnknownTeacher(classId, teacher);
            }
            unique.add(teacher);
        }
        update(connection, UNASSIGN, classId.value());
        for (TeacherName teacher : unique) {
            update(connection, ASSIGN, classId.value(), teacher.value());
        }
        return new Assignment.Assigned(classId, List.copyOf(unique));
    }

    public Map<ClassId, List<TeacherName>> assignments(Connection connection) throws SQLException {
        Map<ClassId, List<TeacherName>> assignments = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(ASSIGNMENTS);
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                assignments.computeIfAbsent(new ClassId(row.getInt(1)), classId -> new ArrayList<>())
                        .add(new TeacherName(row.getString(2)));
            }
        }
        assignments.replaceAll((classId, names) -> List.copyOf(names));
        return assignments;
    }

    /** Whether {@code account} is the only enabled administrator and other accounts would be left without one. */
    private static boolean isLastAdministrator(Connection connection, Account account) throws SQLException {
        return account.administrator() && !account.disabled()
                && count(connection, OTHER_ADMINISTRATORS, List.of(account.name().value())) == 0
                && count(connection, OTHER_ACCOUNTS, List.of(account.name().value())) > 0;
    }

    private void serialize(Connection connection) throws SQLException {
        if (lock.isPresent()) {
            try (PreparedStatement statement = connection.prepareStatement(lock.get())) {
                statement.execute();
            }
        }
    }

    private static Account account(ResultSet row) throws SQLException {
        return new Account(new TeacherName(row.getString(1)), PasswordHash.parse(row.getString(2)),
                row.getInt(3) == 1, row.getInt(4) == 1, row.getInt(5) == 1);
    }

    private static int flag(boolean value) {
        return value ? 1 : 0;
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private static int count(Connection connection, String sql, List<String> values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setString(i + 1, values.get(i));
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }
}
