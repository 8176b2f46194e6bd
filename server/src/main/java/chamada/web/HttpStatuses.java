package chamada.web;

import chamada.error.ErrorCode;

/**
 * The HTTP status of each refusal on the JSON API, the one place it is decided: the body is the
 * native protocol's reply object, whose {@code code} says exactly what happened; the status says
 * it to HTTP's own machinery (proxies, retries, browsers' consoles).
 */
final class HttpStatuses {

    private HttpStatuses() {
    }

    static int of(ErrorCode code) {
        return switch (code) {
            case BAD_JSON, BAD_ENCODING, UNKNOWN_COMMAND, WRONG_ARGUMENTS, INVALID_FIELD, MISSING_FIELD, NOT_HTTP,
                 TLS_REQUIRED, TLS_NOT_OFFERED, BYTES_NOT_CARRIED -> 400;
            case AUTH_REQUIRED, AUTH_FAILED, TOKEN_INVALID, ACCOUNT_INACTIVE -> 401;
            case NOT_OWNER, NETWORK_NOT_ALLOWED, DEVICE_ALREADY_USED, OPEN_MODE_LOCAL_ONLY, NOT_ASSIGNED, NOT_ADMINISTRATOR,
                 ANONYMOUS_NOT_ALLOWED,
                 TEACHER_IN_FILE -> 403;
            case NOT_OPEN, NO_ROLL_CALL, UNKNOWN_ROLL_CALL, UNKNOWN_TEACHER, NOTHING_HELD, UNKNOWN_MATERIAL,
                 UNKNOWN_MESSAGE -> 404;
            case ALREADY_OPEN, LOCKED, TEACHER_EXISTS, LAST_ADMINISTRATOR, STUDENT_IN_OPEN_ROLL_CALL -> 409;
            case LINE_TOO_LONG, ROSTER_TOO_LARGE, MESSAGE_TOO_LONG, MATERIAL_TOO_LARGE, CLASS_MATERIALS_FULL -> 413;
            case CODE_REQUIRED, WRONG_CODE, NOT_IN_ROSTER, ROSTER_DUPLICATE, ROSTER_PART_CLASS, UPLOAD_CORRUPT,
                 ROSTER_PART_ORDER -> 422;
            case TOO_MANY_ATTEMPTS, TOO_MANY_CONNECTIONS, LOGIN_BUSY, TOO_MANY_LOGINS, TOO_MANY_MESSAGES -> 429;
            case IDLE_TIMEOUT, REQUEST_TOO_SLOW, WATCH_TOO_SLOW -> 408;
            case INTERNAL, STORE_UNCERTAIN -> 500;
            case STORE_FAILED, STORE_UNAVAILABLE, SHUTTING_DOWN -> 503;
            case DISK_FULL -> 507;
            case STORE_TIMEOUT -> 504;
            case BACKUP_ELSEWHERE -> 501;
            case BACKUP_BUSY -> 409;
            case BACKUP_FAILED -> 500;
        };
    }
}
