package chamada.web;

import chamada.rollcall.RollCallEvent;

/**
 * What a live page follows, and so which of a class's events its stream carries and how: a
 * roll call's teacher (every roll-call event, matrículas whole), its projector (the count and the
 * arrivals, masked: no corrections), the class's inbox (its messages and the question shown) and
 * its question screen (the question shown, never who sent it). The first two end with their roll
 * call; the others follow the class for as long as they are open.
 */
enum LiveView {
    TEACHER, PROJECTOR, INBOX, QUESTION_SCREEN;

    /** Whether the stream follows one roll call: it starts with it open, shows its code and ends with its close. */
    boolean followsRollCall() {
        return this == TEACHER || this == PROJECTOR;
    }

    /** Whether matrículas show only their last digits: a screen the whole room reads. */
    boolean masks() {
        return this == PROJECTOR;
    }

    /** Whether this view's stream carries {@code event}. */
    boolean shows(RollCallEvent event) {
        return switch (event) {
            case RollCallEvent.Opened opened -> followsRollCall();
            case RollCallEvent.CheckedIn checkedIn -> followsRollCall();
            case RollCallEvent.Closed closed -> followsRollCall();
            case RollCallEvent.Marked marked -> this == TEACHER;
            case RollCallEvent.MessagePosted posted -> this == INBOX;
            case RollCallEvent.QuestionShown shown -> this == INBOX || this == QUESTION_SCREEN;
        };
    }
}
