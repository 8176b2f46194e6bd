package chamada.cli;

import chamada.i18n.Lang;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Runs {@code chamada} in this JVM with captured output and a made-up terminal: typed
 * input, environment, secrets typed at prompts, default language, and a Ctrl-C the test
 * presses. One per test.
 */
final class CliRunner {

    /** A terminal with no input, no environment and no console, in English, for building command lines. */
    static Terminal silentTerminal() {
        return new Terminal(new BufferedReader(new StringReader("")), Map.of(), prompt -> Optional.empty(), Lang.EN,
                action -> { });
    }

    /** What a run left behind. */
    record Result(int exitCode, String out, String err, List<String> prompts) {
    }

    /** A run in the background, for commands that run until stopped. */
    static final class Running {

        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final List<String> prompts = new CopyOnWriteArrayList<>();
        private final List<Runnable> stopActions = new CopyOnWriteArrayList<>();
        private CompletableFuture<Integer> exitCode;

        /** Output so far. */
        String out() {
            return out.toString();
        }

        String err() {
            return err.toString();
        }

        /** Presses Ctrl-C: runs what the command asked to run on stop. */
        void stop() {
            stopActions.forEach(Runnable::run);
        }

        /** Whether the command has ended (a server that could not start, say). */
        boolean isDone() {
            return exitCode.isDone();
        }

        /** Waits (at most a minute) for the command to end. */
        Result result() {
            int code = exitCode.orTimeout(60, TimeUnit.SECONDS).join();
            return new Result(code, out.toString(), err.toString(), List.copyOf(prompts));
        }
    }

    private String input = "";
    private final Map<String, String> env = new HashMap<>();
    private final Deque<String> secrets = new ArrayDeque<>();
    private boolean console;
    private Lang lang = Lang.EN;
    private BiFunction<Terminal, String[], CommandLine> program = Main::commandLine;

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

    /** Another program than {@code chamada}'s own: the bench jar's. */
    CliRunner program(BiFunction<Terminal, String[], CommandLine> program) {
        this.program = program;
        return this;
    }

    /** Runs to the end. */
    Result run(String... args) {
        Running running = new Running();
        running.exitCode = CompletableFuture.completedFuture(execute(running, args));
        return running.result();
    }

    /** Starts in the background. */
    Running start(String... args) {
        Running running = new Running();
        running.exitCode = new CompletableFuture<>();
        Thread.ofPlatform().name("cli-under-test").start(() -> {
            try {
                running.exitCode.complete(execute(running, args));
            } catch (Throwable e) {
                running.exitCode.completeExceptionally(e);
            }
        });
        return running;
    }

    private int execute(Running running, String... args) {
        SecretReader reader = prompt -> {
            running.prompts.add(prompt);
            return console ? Optional.ofNullable(secrets.poll()) : Optional.empty();
        };
        Terminal terminal = new Terminal(new BufferedReader(new StringReader(input)), env, reader, lang,
                running.stopActions::add);
        return Main.run(program.apply(terminal, args), new PrintWriter(running.out), new PrintWriter(running.err),
                args);
    }
}
