package chamada.web;

import chamada.protocol.Op;

import java.util.List;
import java.util.Optional;

/**
 * One operation of the JSON API, as its method and path name it: which native operation it is,
 * for which class, and how it is asked.
 *
 * @param classText the class as the path gives it, checked by the native decoder; empty for the session
 * @param stream    whether it answers with a stream of events rather than one reply
 */
record ApiCall(Op op, String classText, boolean forTeachers, boolean hasBody, boolean stream) {

    /**
     * The call {@code method} on {@code path} (its segments under {@code /api/v1}), or empty if
     * the API has none there.
     */
    static Optional<ApiCall> of(String requested, List<String> path) {
        // HEAD is GET without the body, which Jetty leaves out.
        String method = requested.equals("HEAD") ? "GET" : requested;
        if (path.equals(List.of("health"))) {
            return method.equals("GET") ? Optional.of(new ApiCall(Op.HEALTH, "", false, false, false)) : Optional.empty();
        }
        if (path.equals(List.of("session"))) {
            return method.equals("POST") ? Optional.of(new ApiCall(Op.LOGIN, "", false, false, false)) : Optional.empty();
        }
        if (path.size() < 3 || !path.getFirst().equals("classes")) {
            return Optional.empty();
        }
        String classText = path.get(1);
        List<String> rest = path.subList(2, path.size());
        if (rest.size() == 2 && rest.getFirst().equals("materials")) {
            return Optional.ofNullable(switch (method) {
                case "GET" -> new ApiCall(Op.DOWNLOAD, classText, false, false, false);
                // The body is the file, streamed to it by the handler, never read as a request.
                case "PUT" -> new ApiCall(Op.UPLOAD, classText, true, false, false);
                case "DELETE" -> new ApiCall(Op.REMOVE_MATERIAL, classText, true, false, false);
                default -> null;
            });
        }
        return Optional.ofNullable(switch (String.join("/", rest) + " " + method) {
            case "roll-call POST" -> new ApiCall(Op.OPEN, classText, true, true, false);
            case "roll-call GET" -> new ApiCall(Op.STATUS, classText, true, false, false);
            case "roll-call DELETE" -> new ApiCall(Op.CLOSE, classText, true, false, false);
            case "roll-call/events GET" -> new ApiCall(Op.STATUS, classText, true, false, true);
            case "check-ins POST" -> new ApiCall(Op.CHECKIN, classText, false, true, false);
            case "history GET" -> new ApiCall(Op.HISTORY, classText, true, false, false);
            case "export.csv GET" -> new ApiCall(Op.EXPORT, classText, true, false, false);
            case "roster GET" -> new ApiCall(Op.ROSTER, classText, true, false, false);
            case "roster PUT" -> new ApiCall(Op.ROSTER_IMPORT, classText, true, true, false);
            case "marks POST" -> new ApiCall(Op.MARK, classText, true, true, false);
            case "audit GET" -> new ApiCall(Op.AUDIT, classText, true, false, false);
            case "report GET" -> new ApiCall(Op.REPORT, classText, true, false, false);
            case "materials GET" -> new ApiCall(Op.MATERIALS, classText, false, false, false);
            case "messages POST" -> new ApiCall(Op.MESSAGE, classText, false, true, false);
            case "messages GET" -> new ApiCall(Op.INBOX, classText, true, false, false);
            case "messages/read POST" -> new ApiCall(Op.READ, classText, true, true, false);
            case "messages/shown PUT" -> new ApiCall(Op.SHOW, classText, true, true, false);
            default -> null;
        });
    }
}
