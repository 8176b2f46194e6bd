package chamada.i18n;

import java.time.Duration;

/**
 * A wait in whole seconds as a person reads it, singular or plural in either language:
 * "1 second", "30 seconds"; "1 segundo", "30 segundos". Given as an argument to another
 * {@link Bilingual} text, it is written in that text's language.
 */
public record HumanSeconds(long count) implements Bilingual {

    /** {@code wait} rounded up to whole seconds, at least one: a client told "0" would retry too soon. */
    public static HumanSeconds of(Duration wait) {
        return new HumanSeconds(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    @Override
    public String en() {
        return count == 1 ? "1 second" : count + " seconds";
    }

    @Override
    public String pt() {
        return count == 1 ? "1 segundo" : count + " segundos";
    }
}
