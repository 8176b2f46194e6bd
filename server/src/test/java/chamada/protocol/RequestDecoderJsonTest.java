package chamada.protocol;

import chamada.error.ChamadaException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decoder reads a flat JSON request without a tree, and anything else with one: both must
 * answer every line alike. A field the protocol does not know, holding a list, sends any line
 * down the tree's path without changing its meaning, so each random line is decoded both ways
 * and the outcomes (the request, or the error's code and message) compared.
 */
class RequestDecoderJsonTest {

    private static final RequestDecoder DECODER = new RequestDecoder(Json.mapper());
    private static final List<String> NAMES = List.of(Wire.OP, Wire.CLASS, Wire.MATRICULA, Wire.CHECK_IN_CODE,
            Wire.LANG, Wire.NAME, Wire.SECRET, Wire.TOKEN, Wire.CODE_POLICY, Wire.SHARED_DEVICES, Wire.ACCEPT_UNKNOWN,
            Wire.MORE, "device", "x");
    private static final List<String> OPS = List.of("checkin", "CheckIn", "open", "close", "status", "hello", "login",
            "resume", "history", "export", "roster", "health", "help", "quit", "nope", "");
    private static final List<String> STRINGS = List.of("1010", "042191010", "123456", "pt-BR", "en", "rotating",
            "none", "ana", "", " ", "abc", "-1", "99999999999", "tru\\u00e9", "9".repeat(40));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void flatAndTreeReadings_agreeOnEveryLine(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 400; i++) {
            List<String> members = new ArrayList<>();
            if (random.nextInt(10) > 0) {
                members.add(member(Wire.OP, "\"" + OPS.get(random.nextInt(OPS.size())) + "\""));
            }
            // Each name once: a repeated one is refused with the column where it repeats, which the
            // added member would move.
            List<String> names = new ArrayList<>(NAMES.subList(1, NAMES.size()));
            java.util.Collections.shuffle(names, random);
            for (String name : names.subList(0, random.nextInt(5))) {
                members.add(member(name, value(random)));
            }
            java.util.Collections.shuffle(members, random);
            String flat = "{" + String.join(",", members) + "}";
            List<String> withList = new ArrayList<>(members);
            withList.add(random.nextInt(withList.size() + 1), member("unknown_list", "[0]"));
            String tree = "{" + String.join(",", withList) + "}";

            assertThat(outcome(flat)).as("%s against %s", flat, tree).isEqualTo(outcome(tree));
        }
    }

    private static String member(String name, String value) {
        return "\"" + name + "\":" + value;
    }

    private static String value(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> Integer.toString(random.nextInt(20_000) - 10);
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> "null";
            case 3 -> "1.5";
            case 4 -> "{\"a\":1}";
            default -> "\"" + STRINGS.get(random.nextInt(STRINGS.size())) + "\"";
        };
    }

    private static String outcome(String line) {
        try {
            return DECODER.decode(line).toString();
        } catch (ChamadaException e) {
            return e.code() + ": " + e.message(chamada.i18n.Lang.EN);
        }
    }
}
