package chamada.attendance;

import chamada.i18n.Bilingual;
import chamada.i18n.Lang;
import chamada.rollcall.AttendanceStatus;

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

    @Override
    public String en() {
        return en;
    }

    @Override
    public String pt() {
        return pt;
    }
}
