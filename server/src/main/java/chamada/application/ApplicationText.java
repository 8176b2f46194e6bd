package chamada.application;

import chamada.i18n.Bilingual;

/** Texts the application sends to people, outside of errors and outcomes. */
public enum ApplicationText implements Bilingual {
    GOODBYE("Goodbye!", "Até logo!");

    private final String en;
    private final String pt;

    ApplicationText(String en, String pt) {
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
