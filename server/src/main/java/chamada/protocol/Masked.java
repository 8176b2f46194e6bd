package chamada.protocol;

import chamada.rollcall.Matricula;

/**
 * How a matrícula appears on a projected screen, which the whole room and anybody passing can
 * read: only its last 3 digits, the rest as dots ({@code 042191010} shows as {@code ••••••010}),
 * enough for a student to recognise their own arrival and too little to check in for somebody else.
 */
public final class Masked {

    public static final int SHOWN = 3;

    private Masked() {
    }

    public static String matricula(Matricula matricula) {
        String value = matricula.value();
        int hidden = Math.max(0, value.length() - SHOWN);
        return "•".repeat(hidden) + value.substring(hidden);
    }
}
