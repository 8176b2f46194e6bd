package chamada.cli;

import chamada.i18n.Lang;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Optional;

/**
 * What the CLI reads besides its arguments: lines typed on standard input, environment
 * variables, secrets typed without echo, the language when {@code --lang} is absent, and
 * the signal to stop. {@link #system()} is the real one; tests build their own, so no test
 * depends on the machine's environment or locale, and a test can "press Ctrl-C".
 *
 * @param in          standard input, read line by line by the interactive modes
 * @param env         environment variables, e.g. {@code CHAMADA_SECRET}
 * @param secrets     asks for a secret without echo
 * @param defaultLang the language when {@code --lang} is not given
 * @param stop        tells a long-running command to stop
 */
record Terminal(BufferedReader in, Map<String, String> env, SecretReader secrets, Lang defaultLang, StopSignal stop) {

    Terminal {
        env = Map.copyOf(env);
    }

    /** Standard input, the process environment, the system console, the JVM's locale and its shutdown hooks. */
    static Terminal system() {
        Console console = System.console();
        Charset charset = console != null ? console.charset() : Charset.defaultCharset();
        SecretReader secrets = prompt -> {
            Console c = System.console();
            if (c == null) {
                return Optional.empty();
            }
            char[] typed = c.readPassword("%s", prompt);
            return typed == null ? Optional.empty() : Optional.of(new String(typed));
        };
        return new Terminal(new BufferedReader(new InputStreamReader(System.in, charset)), System.getenv(),
                secrets, Lang.system(), StopSignal.shutdownHook());
    }

    /** The variable's value, if set and not blank. */
    Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }

    /** The next line typed, or empty at end of input. */
    Optional<String> readLine() {
        try {
            return Optional.ofNullable(in.readLine());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
