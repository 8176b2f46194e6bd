package chamada.backup;

import chamada.i18n.Bilingual;
import chamada.i18n.Lang;

import java.io.IOException;
import java.util.List;

/** A backup archive or a restore's target that cannot be used, and why, in both languages. */
public final class BackupRefusedException extends IOException {

    private final transient Bilingual reason;
    private final transient List<Object> args;

    BackupRefusedException(Bilingual reason, Object... args) {
        super(reason.format(Lang.EN, args));
        this.reason = reason;
        this.args = List.of(args);
    }

    /** Why, as a person reads it in {@code lang}. */
    public String message(Lang lang) {
        return reason.format(lang, args.toArray());
    }
}
