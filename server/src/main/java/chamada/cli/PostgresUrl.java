package chamada.cli;

import chamada.i18n.Lang;
import chamada.store.postgres.PostgresAddress;

/** A {@code postgresql://} address given on the command line, or the usage error that says what is wrong with it. */
final class PostgresUrl {

    private PostgresUrl() {
    }

    static PostgresAddress parse(String text, Lang lang) {
        String shown = PostgresAddress.withoutSecrets(text);
        return PostgresAddress.parse(text).orElseThrow(() -> CommandFailure.badValue("--db",
                PostgresAddress.hasSecret(text) ? ServerCommandText.PASSWORD_IN_POSTGRES_URL.format(lang, shown)
                        : ServerCommandText.BAD_POSTGRES_URL.format(lang, shown)));
    }
}
