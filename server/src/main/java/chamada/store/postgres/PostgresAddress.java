package chamada.store.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a PostgreSQL database is, as {@code --db postgresql://USER@HOST[:PORT][,HOST2[:PORT]…]/DB[?PARAMS]}
 * gives it: several hosts are tried in turn, as pgjdbc's multi-host URLs do, and the
 * parameters go to the driver as they are. The password is never part of it: it would show in
 * the process list and in logs.
 *
 * @param user       the database user
 * @param hosts      {@code host:port} of each server, in the order to try them
 * @param database   the database's name
 * @param parameters what follows {@code ?}, or empty
 */
public record PostgresAddress(String user, List<String> hosts, String database, Optional<String> parameters) {

    public static final String SCHEME = "postgresql://";
    private static final int DEFAULT_PORT = 5432;
    private static final Pattern FORM = Pattern.compile(
            "(?i:postgresql)://([^@:/?#\\s]+)@([^/?#\\s]+)/([^/?#\\s]+)(?:\\?(\\S+))?");
    private static final Pattern HOST = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9._-]+)(?::([0-9]{1,5}))?");
    /** Driver parameters that carry a secret: refused, so that no password is ever on a command line. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(^|&)(password|sslpassword)=", Pattern.CASE_INSENSITIVE);

    public PostgresAddress {
        hosts = List.copyOf(hosts);
    }

    /** The address {@code text} gives, or empty if it is not of the form above; a password in it is refused. */
    public static Optional<PostgresAddress> parse(String text) {
        Matcher form = FORM.matcher(text);
        if (!form.matches() || form.group(4) != null && SECRET_PARAMETER.matcher(form.group(4)).find()) {
            return Optional.empty();
        }
        List<String> hosts = new ArrayList<>();
        for (String host : form.group(2).split(",", -1)) {
            Matcher parts = HOST.matcher(host);
            if (!parts.matches()) {
                return Optional.empty();
            }
            int port = parts.group(2) == null ? DEFAULT_PORT : Integer.parseInt(parts.group(2));
            if (port < 1 || port > 65_535) {
                return Optional.empty();
            }
            hosts.add(parts.group(1) + ":" + port);
        }
        return Optional.of(new PostgresAddress(form.group(1), hosts, form.group(3), Optional.ofNullable(form.group(4))));
    }

    /**
     * {@code text} as an error message may show it: in the part before the host, whatever follows
     * the user's {@code :} up to the last {@code @} (a password may hold {@code @} and {@code /});
     * and the value of a secret parameter.
     */
    public static String withoutSecrets(String text) {
        String masked = text;
        int start = text.indexOf("://");
        int at = text.lastIndexOf('@');
        if (start >= 0 && at > start) {
            String userInfo = text.substring(start + 3, at);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                masked = text.substring(0, start + 3) + userInfo.substring(0, colon) + ":***" + text.substring(at);
            }
        }
        return masked.replaceAll("(?i)((?:password|sslpassword)=)[^&]*", "$1***");
    }

    /** Whether {@code text} carries a password, in the user's part or in a parameter. */
    public static boolean hasSecret(String text) {
        return !withoutSecrets(text).equals(text);
    }

    /** The JDBC URL pgjdbc takes: the hosts, the database and the parameters, no user and no password. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + String.join(",", hosts) + "/" + database + parameters.map(p -> "?" + p).orElse("");
    }

    /** How the start-up line and error messages name it: no password, ever. */
    @Override
    public String toString() {
        return SCHEME + user + "@" + String.join(",", hosts) + "/" + database;
    }
}
