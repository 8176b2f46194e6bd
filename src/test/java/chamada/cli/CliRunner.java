package chamada.cli;

import chamada.i18n.Lang;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@code chamada} in this JVM with captured output and a made-up terminal: typed
 * input, environment, secrets typed at prompts, default language. One per test.
 */
final class CliRunner {

    /** What a run left behind. */
    record Result(int exitCode, String out, String err, List<String> prompts) {
    }

    private String input = "";
    private final Map<String, String> env = new HashMap<>();
    private final Deque<String> secrets = new ArrayDeque<>();
    private boolean console;
    private Lang lang = Lang.EN;

    /** Lines typed on standard input. */
    CliRunner input(String... lines) {
        this.input = lines.length == 0 ? "" : String.join("\n", lines) + "\n";
        return this;
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** A terminal where these secrets are typed at the successive prompts. */
    CliRunner secrets(String... typed) {
        console = true;
        secrets.addAll(List.of(typed));
        return this;
    }

    /** The language when {@code --lang} is absent (the "system locale"). */
    CliRunner lang(Lang lang) {
        this.lang = lang;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> prompts = new ArrayList<>();
        SecretReader reader = prompt -> {
            prompts.add(prompt);
            return console ? Optional.ofNullable(secrets.poll()) : Optional.empty();
        };
        Terminal terminal = new Terminal(new BufferedReader(new StringReader(input)), env, reader, lang);
        int code = Main.run(terminal, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString(), prompts);
    }
}
