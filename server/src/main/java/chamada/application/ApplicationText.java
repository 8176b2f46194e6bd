package chamada.application;

import chamada.i18n.Bilingual;

/** Texts the application sends to people, outside of errors and outcomes. */
public enum ApplicationText implements Bilingual {
    GOODBYE("Goodbye!", "Até logo!"),
    WAIT_FOR_TURN("Class {0} is being flooded with wrong codes from elsewhere, so your network takes turns; yours"
            + " comes in {1}: try again then.",
            "A turma {0} está recebendo uma enxurrada de códigos errados de outros lugares, por isso sua rede espera a"
                    + " vez; a sua chega em {1}: tente novamente nesse momento."),
    UNHEALTHY("The server needs its administrator: it is not keeping all its promises. The details are in its log,"
            + " and a teacher who asks health sees them.",
            "O servidor precisa do seu administrador: ele não está cumprindo tudo o que promete. Os detalhes estão"
                    + " no registro (log) dele, e um professor que pedir health os vê.");

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
