package chamada.attendance;

import chamada.i18n.Bilingual;
import chamada.i18n.Lang;
import chamada.rollcall.AttendanceStatus;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A status as a teacher reads it, in both languages. */
public enum StatusText implements Bilingual {
    PRESENT("present", "presente"),
    LATE("late", "atrasado"),
    EXCUSED("excused", "justificado"),
    ABSENT("absent", "ausente");

    private final String en;
    private final String pt;

    StatusText(String en, String pt) {
        this.en = en;
        this.pt = pt;
    }

    public static String of(AttendanceStatus status, Lang lang) {
        return valueOf(status.name()).format(lang);
    }

    /** The status a person typed: its name in either language (the English one is the wire's), in any case. */
    public static Optional<AttendanceStatus> parse(String typed) {
        String word = typed.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(text -> text.en.equals(word) || text.pt.equals(word))
                .map(text -> AttendanceStatus.valueOf(text.name())).findFirst();
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
