package chamada.web;

import chamada.rollcall.Matricula;

/**
 * How a matrícula appears on a projected screen, which the whole room and anybody passing can
 * read: only its last 3 digits, the rest as dots ({@code 042191010} shows as {@code ••••••010}),
 * enough for a student to recognise their own arrival and too little to check in for somebody else.
 */
final class Masked {

    static final int SHOWN = 3;

    private Masked() {
    }

    static String matricula(Matricula matricula) {
        String value = matricula.value();
        int hidden = Math.max(0, value.length() - SHOWN);
        return "•".repeat(hidden) + value.substring(hidden);
    }
}
