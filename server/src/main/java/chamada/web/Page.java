package chamada.web;

import chamada.i18n.Lang;

/**
 * What every page template is given besides its own model: the language it is written in.
 * Templates take their sentences from here, e.g. {@code ${page.t(WebText.CHECK_IN_TITLE)}},
 * so a page never mixes languages.
 */
public record Page(Lang lang) {

    /** {@code text} in this page's language, with {@code args} in its placeholders. */
    public String t(WebText text, Object... args) {
        return text.format(lang, args);
    }

    /** The value of the {@code lang} attribute, e.g. {@code pt-BR}. */
    public String tag() {
        return lang.tag();
    }

    /** Whether the page is in {@code other}: the language switch marks that link as current. */
    public boolean in(Lang other) {
        return lang == other;
    }
}
