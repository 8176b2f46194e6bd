package chamada.rollcall;

/**
 * What a roll call's teacher should know is going on, as this server saw it lately: wrong
 * codes sent into it (somebody may be guessing), and phones that tried to check in more than
 * one matrícula (somebody may be checking in for a friend).
 */
public record RollCallAlerts(int wrongCodes, int devicesTryingSeveral) {

    /** Whether so many wrong codes came that the roll call is slowed for the addresses sending them ({@link GuessLimits}). */
    public boolean slowed() {
        return wrongCodes >= GuessLimits.SLOW_AFTER;
    }

    public static RollCallAlerts none() {
        return new RollCallAlerts(0, 0);
    }
}
