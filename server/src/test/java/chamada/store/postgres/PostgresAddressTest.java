package chamada.store.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code --db postgresql://...} accepts, what it gives the driver, and what it never shows. */
class PostgresAddressTest {

    @Test
    void severalHosts_defaultPort_andParameters_goToTheDriverAsGiven() {
        PostgresAddress address = PostgresAddress.parse(
                "postgresql://chamada@db1,db_2.school.br:6432,[2001:db8::5]/escola?targetServerType=primary&ssl=true").orElseThrow();

        assertThat(address.user()).isEqualTo("chamada");
        assertThat(address.hosts()).isEqualTo(List.of("db1:5432", "db_2.school.br:6432", "[2001:db8::5]:5432"));
        assertThat(address.database()).isEqualTo("escola");
        assertThat(address.parameters()).isEqualTo(Optional.of("targetServerType=primary&ssl=true"));
        assertThat(address.jdbcUrl()).isEqualTo(
                "jdbc:postgresql://db1:5432,db_2.school.br:6432,[2001:db8::5]:5432/escola?targetServerType=primary&ssl=true");
        assertThat(address).hasToString("postgresql://chamada@db1:5432,db_2.school.br:6432,[2001:db8::5]:5432/escola");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://chamada:s3cret@db1/escola",
            "postgresql://chamada@db1/escola?password=s3cret",
            "postgresql://chamada@db1/escola?ssl=true&sslpassword=s3cret",
            "postgresql://db1/escola",
            "postgresql://chamada@db1",
            "postgresql://chamada@db1:99999/escola",
            "postgresql://chamada@db1,/escola",
            "postgres://chamada@db1/escola",
            "postgresql://chamada@db 1/escola"})
    void anAddressWithAPasswordOrOutOfShape_isRefused(String text) {
        assertThat(PostgresAddress.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgresql://chamada:s3cret@db1/escola?password=x&ssl=1 | postgresql://chamada:***@db1/escola?password=***&ssl=1",
            "postgresql://u:pa/ss@db1/escola | postgresql://u:***@db1/escola",
            "postgresql://u:p@ss@db1/escola | postgresql://u:***@db1/escola",
            "postgresql://chamada@db1/escola | postgresql://chamada@db1/escola"})
    void withoutSecrets_masksAPasswordWhereverItWasWritten(String written, String shown) {
        assertThat(PostgresAddress.withoutSecrets(written)).isEqualTo(shown);
    }

    @Test
    void theSchemeInCapitals_isTheSameAddress() {
        assertThat(PostgresAddress.parse("POSTGRESQL://chamada@db1/escola")).isPresent();
    }
}
