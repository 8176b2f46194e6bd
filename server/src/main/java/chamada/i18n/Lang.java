package chamada.i18n;

import java.util.Locale;
import java.util.Optional;

/**
 * A language every person-facing text of Chamada exists in.
 *
 * <p>Texts are chosen per connection (the client's {@code hello}) or per command
 * ({@code --lang}); when nobody chose, the JVM's locale decides, and anything that
 * is not Portuguese falls back to English.
 */
public enum Lang {
    PT_BR("pt-BR"),
    EN("en");

    private final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag used on the wire and in {@code --lang}, e.g. {@code pt-BR}. */
    public String tag() {
        return tag;
    }

    /** Parses a tag such as {@code pt-BR}, {@code pt}, {@code en-US} or {@code en}; case does not matter. */
    public static Optional<Lang> parse(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return switch (language) {
            case "pt" -> Optional.of(PT_BR);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    /** The language of a locale: Portuguese for any {@code pt} locale, English otherwise. */
    public static Lang of(Locale locale) {
        return "pt".equals(locale.getLanguage()) ? PT_BR : EN;
    }

    /** The language of this JVM's default locale (which follows {@code LANG}/{@code LC_ALL}). */
    public static Lang system() {
        return of(Locale.getDefault());
    }
}
