package chamada.protocol;

import chamada.i18n.Bilingual;
import chamada.i18n.HumanTime;
import chamada.i18n.Lang;

import java.util.Optional;

/**
 * The sentence a student reads after checking in, the same from the CLI and the phone page:
 * registered, already registered, or refused as class 0 with the reason, as the seed printed it.
 */
public final class CheckInSentences {

    /** The sentences, in both languages. */
    public enum Text implements Bilingual {
        REGISTERED("Attendance registered in class {0} at {1}.", "Presença registrada na turma {0} em {1}."),
        REGISTERED_LATE("Attendance registered in class {0} at {1}, late.",
                "Presença registrada na turma {0} em {1}, com atraso."),
        ALREADY("You had already registered in class {0} (at {1}).", "Você já registrou presença na turma {0} (em {1})."),
        ALREADY_LATE("You had already registered in class {0} (at {1}, late).",
                "Você já registrou presença na turma {0} (em {1}, com atraso)."),
        REPLACED("Attendance registered in class {0} at {1}, in place of {2}.",
                "Presença registrada na turma {0} em {1}, no lugar de {2}."),
        REFUSED("Class 0: {0} Refused at {1}.", "Turma 0: {0} Recusado em {1}.");

        private final String en;
        private final String pt;

        Text(String en, String pt) {
            this.en = en;
            this.pt = pt;
        }

        @Override
        public String en() {
            return en;
        }

        @Override
        public String pt() {
            return pt;
        }
    }

    private CheckInSentences() {
    }

    /** What {@code reply} says to the student, in {@code lang}; empty for a reply that is not a check-in's. */
    public static Optional<String> of(Response reply, Lang lang) {
        return switch (reply) {
            case Response.CheckedIn checkedIn -> Optional.of(checkedIn.replaced().isPresent()
                    ? Text.REPLACED.format(lang, checkedIn.classId(), HumanTime.format(checkedIn.at()),
                    checkedIn.replaced().get())
                    : sentence(checkedIn).format(lang, checkedIn.classId(), HumanTime.format(checkedIn.at())));
            case Response.CheckInRefused refused -> Optional.of(Text.REFUSED.format(lang, lowerFirst(refused.message()),
                    HumanTime.format(refused.at())));
            default -> Optional.empty();
        };
    }

    private static Text sentence(Response.CheckedIn checkedIn) {
        if (checkedIn.alreadyRegistered()) {
            return checkedIn.late() ? Text.ALREADY_LATE : Text.ALREADY;
        }
        return checkedIn.late() ? Text.REGISTERED_LATE : Text.REGISTERED;
    }

    /** "Class 0: the roll call ...": the server's sentence after a colon, as the seed printed it. */
    private static String lowerFirst(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
