package chamada.rollcall;

/**
 * Who is asking, as far as the rules care: a teacher (authenticated, or the server's
 * own reserved owner in open mode or on a legacy port) or anybody else.
 */
public sealed interface Caller {

    /**
     * May open, close and read roll calls of the classes {@link ClassAccess} lets them; closes only
     * the ones they opened, unless assigned to the class. An {@code administrator} may do all of it
     * in every class, correct locked roll calls, and manage teachers, classes and privacy.
     */
    record Teacher(TeacherName name, boolean administrator) implements Caller {
    }

    /** Not logged in on a server that has teachers' accounts: may only check in. */
    record Anonymous() implements Caller {
    }
}
