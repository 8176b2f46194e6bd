package chamada.i18n;

import java.time.Duration;

/**
 * A number of something as a person reads it, singular or plural in either language: "1 second",
 * "30 seconds", "1 código errado". Given as an argument to another {@link Bilingual} text, it is
 * written in that text's language.
 */
public record HumanCount(long count, Unit unit) implements Bilingual {

    /** What is counted, singular and plural in each language. */
    public enum Unit {
        SECOND("second", "seconds", "segundo", "segundos"),
        MINUTE("minute", "minutes", "minuto", "minutos"),
        WRONG_CODE("wrong code", "wrong codes", "código errado", "códigos errados");

        private final String oneEn;
        private final String manyEn;
        private final String onePt;
        private final String manyPt;

        Unit(String oneEn, String manyEn, String onePt, String manyPt) {
            this.oneEn = oneEn;
            this.manyEn = manyEn;
            this.onePt = onePt;
            this.manyPt = manyPt;
        }
    }

    /** {@code wait} rounded up to whole seconds, at least one: a client told "0" would retry too soon. */
    public static HumanCount seconds(Duration wait) {
        return new HumanCount(Math.max(1, (wait.toMillis() + 999) / 1000), Unit.SECOND);
    }

    @Override
    public String en() {
        return count + " " + (count == 1 ? unit.oneEn : unit.manyEn);
    }

    @Override
    public String pt() {
        return count + " " + (count == 1 ? unit.onePt : unit.manyPt);
    }
}
