package chamada.materials;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A material's name is one file name a student's computer can save, never a path: every way out is refused. */
class MaterialNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"Aula 1 — introdução.pdf", "vídeo da aula.mp4", "notas", "a", "exercícios (2).docx",
            "CONSOLE.txt", "nul-e-void.txt", "a..b.txt", "日本語.txt"})
    void ordinaryNames_areAccepted(String name) {
        assertThat(new MaterialName(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "../x", "../../etc/passwd", "/etc/passwd", "a/b", "a\\b", "..\\x",
            "C:x", "C:\\Windows\\win.ini", ".hidden", "name.", "name ", " ", "CON", "con.txt", "NUL", "com1.pdf",
            "LPT9", "a\u0000b", "a\nb", "a\tb", "\u001b[2J", "a*b", "a?b", "a|b", "a<b", "a>b", "a\"b",
            "\u202egpj.exe", "a\u200bb", "a\u0085b", "a\u009b2Jb", "a\u2028b", "a\u2029b"})
    void pathsAndUnsafeNames_areRefusedByTheField(String name) {
        assertThatThrownBy(() -> new MaterialName(name)).isInstanceOfSatisfying(ChamadaException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(e.message(chamada.i18n.Lang.EN)).contains("Invalid field file");
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 256})
    void aNameOfMoreThan255Bytes_isRefused(int bytes) {
        String name = "é".repeat(bytes / 2) + (bytes % 2 == 1 ? "a" : "");
        if (bytes <= MaterialName.MAX_BYTES) {
            assertThat(new MaterialName(name).value()).isEqualTo(name);
        } else {
            assertThatThrownBy(() -> new MaterialName(name)).isInstanceOf(ChamadaException.class);
        }
    }
}
