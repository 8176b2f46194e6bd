package chamada.privacy;

import chamada.rollcall.Matricula;

import java.security.SecureRandom;

/**
 * The random matrícula that replaces a forgotten student's: random, never derived from the
 * matrícula (a hash of a number of at most 20 digits is reversed by trying them all). Twenty
 * digits starting with {@code 00}, so that a person can tell one from a school's matrícula,
 * with 18 random digits: two forgotten students share one with a chance of about 10^-18.
 */
public final class Pseudonyms {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Pseudonyms() {
    }

    public static Matricula next() {
        StringBuilder digits = new StringBuilder("00");
        for (int i = 0; i < 18; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return new Matricula(digits.toString());
    }
}
