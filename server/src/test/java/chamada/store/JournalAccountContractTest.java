package chamada.store;

import chamada.rollcall.Assignment;
import chamada.rollcall.ClassId;
import chamada.rollcall.TeacherName;
import chamada.teachers.AccountEdit;
import chamada.teachers.AccountStoreContract;
import chamada.teachers.PasswordHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static chamada.rollcall.StoreFutures.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store keeps the rules of teachers' accounts and class assignments. */
class JournalAccountContractTest extends AccountStoreContract {

    private static final PasswordHash HASH = PasswordHash.parse(
            "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$VYHFlBMF+l3a5tLUVKqUQrPYY8Ij03Qt8PY9YfiJkgc=");

    @TempDir
    Path folder;

    @Override
    protected ChamadaStore openStore() {
        return SqliteRollCallStore.open(folder.resolve("chamada.db"), ZONE);
    }

    /**
     * An account's change waits while another connection holds SQLite's write lock (the
     * applier, catching up) and is made once it is released, in one transaction: the
     * assignment's delete and inserts both, or neither.
     */
    @Test
    void change_whileAnotherConnectionHoldsTheWriteLock_waitsAndIsMadeWhole() throws SQLException {
        await(store.changeAccount(new AccountEdit.Add(new TeacherName("ana"), HASH, false)));
        CompletableFuture<Assignment> assigned;
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("chamada.db"));
             Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            assigned = store.assign(new ClassId(1010), List.of(new TeacherName("ana")));
            statement.execute("COMMIT");
        }

        assertThat(await(assigned)).isInstanceOf(Assignment.Assigned.class);
        assertThat(await(store.teachersOf(new ClassId(1010)))).containsExactly(new TeacherName("ana"));
    }

    @Override
    protected ChamadaStore reopen(ChamadaStore store) {
        store.close();
        return SqliteRollCallStore.open(folder.resolve("chamada.db"), ZONE);
    }
}
