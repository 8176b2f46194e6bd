package chamada.rollcall;

/**
 * Who is asking, as far as the rules care: a teacher (authenticated, or the server's
 * own reserved owner in open mode or on a legacy port) or anybody else.
 */
public sealed interface Caller {

    /** May open, close and read roll calls; closes only the ones it opened. */
    record Teacher(TeacherName name) implements Caller {
    }

    /** Not logged in on a server that has a teachers file: may only check in. */
    record Anonymous() implements Caller {
    }
}
