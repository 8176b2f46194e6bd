package chamada.server;

import chamada.i18n.Bilingual;

/** Texts the server itself sends to people, outside of errors. */
public enum ServerText implements Bilingual {
    GOODBYE("Goodbye!", "Até logo!");

    private final String en;
    private final String pt;

    ServerText(String en, String pt) {
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
