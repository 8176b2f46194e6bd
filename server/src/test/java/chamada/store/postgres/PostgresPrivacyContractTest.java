package chamada.store.postgres;

import chamada.privacy.ForgetResult;
import chamada.privacy.PrivacyStoreContract;
import chamada.store.ChamadaStore;
import chamada.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static chamada.rollcall.StoreFutures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL store keeps a student's data-protection rights, each test on a fresh database;
 * and once a forget is answered, no row of any table shows the student's matrícula, name or the
 * reason written about them.
 */
class PostgresPrivacyContractTest extends PrivacyStoreContract {

    private PostgresAddress database;

    @Override
    protected ChamadaStore openStore() {
        database = TestPostgres.freshDatabase();
        return PostgresStore.open(database, Optional.empty(), ZONE);
    }

    @Override
    protected ChamadaStore reopen(ChamadaStore store) {
        store.close();
        return PostgresStore.open(database, Optional.empty(), ZONE);
    }

    @Test
    void forget_leavesNoTraceInAnyTable() throws SQLException {
        twoLessons();
        assertThat(tablesShowing(STUDENT.value())).as("the test's search finds the student before").isNotEmpty();

        assertThat(await(store.forget(forget()))).isInstanceOf(ForgetResult.Forgotten.class);

        assertThat(tablesShowing(STUDENT.value())).isEmpty();
        assertThat(tablesShowing(NAME)).isEmpty();
        assertThat(tablesShowing(REASON)).isEmpty();
    }

    /** The tables of the database with a row whose text shows {@code text}. */
    private List<String> tablesShowing(String text) throws SQLException {
        Properties user = new Properties();
        user.setProperty("user", database.user());
        List<String> showing = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), user);
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).contains("check_ins", "roster", "audit", "statuses", "privacy_log");
            for (String table : tables) {
                try (var query = connection.prepareStatement(
                        "SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE ?")) {
                    query.setString(1, "%" + text + "%");
                    try (ResultSet row = query.executeQuery()) {
                        row.next();
                        if (row.getLong(1) > 0) {
                            showing.add(table);
                        }
                    }
                }
            }
        }
        return showing;
    }
}
