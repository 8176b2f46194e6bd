package chamada.cli;

import chamada.client.ChamadaClient;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.protocol.Json;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.protocol.ResponseEncoder;
import chamada.protocol.Wire;
import chamada.rollcall.ClassId;
import chamada.server.ServerConfig;
import chamada.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class LinkTest {

    private static final ClassId CLASS = new ClassId(1010);

    @TempDir
    Path dir;

    /**
     * A session left idle past the server's timeout finds a connection the server closed after
     * saying IDLE_TIMEOUT; the request it sends next was never read, so it goes again on a new one.
     */
    @Test
    void call_afterTheServerClosedAnIdleConnection_reconnectsAndSendsAgain() {
        try (TestServer server = TestServer.start(dir, config -> config.withLimits(
                ServerConfig.DEFAULT_MAX_LINE_BYTES, Duration.ofSeconds(1), ServerConfig.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS));
             Link link = new Link(address(server.port()), Lang.EN, Optional.empty())) {
            assertThat(link.call(c -> c.open(CLASS), false)).isInstanceOf(Response.Opened.class);

            // A connection opened after the link's last request times out after it: once this one hears
            // IDLE_TIMEOUT, so has the link's.
            try (ChamadaClient probe = server.client()) {
                assertThat(probe.receiveLine()).contains(ErrorCode.IDLE_TIMEOUT.wireName());
            }
            Response closed = link.call(c -> c.close(CLASS), false);

            assertThat(closed).isInstanceOfSatisfying(Response.RollCallReply.class,
                    reply -> assertThat(reply.rollCall().closedAt()).isPresent());
        }
    }

    /**
     * A login is a deliberately slow PBKDF2 that queues on the server: its reply is waited for
     * with the login timeout, not the ordinary one. The fake server never answers the login,
     * so the link gives up only after the (longer) login timeout.
     */
    @Test
    void login_unanswered_isWaitedForWithTheLoginTimeoutNotTheOrdinaryOne() throws IOException {
        Duration ordinary = Duration.ofSeconds(1);
        Duration login = Duration.ofSeconds(2);
        try (ServerSocket fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Link link = new Link(address(fake.getLocalPort()), Lang.EN, Optional.of(new Request.Login("ana", "s3cret")),
                     ordinary, login)) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> answerHelloThen(fake, false));
            long start = System.nanoTime();

            assertThatThrownBy(link::connect).isInstanceOfSatisfying(CommandFailure.class, failure -> {
                assertThat(failure.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
                assertThat(failure.getMessage()).contains("(no answer within 2 seconds)");
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(login);
            served.join();
        }
    }

    /** Once logged in, requests are back to the ordinary timeout: an unanswered one fails long before the login's. */
    @Test
    void call_afterLogin_usesTheOrdinaryTimeoutAgain() throws IOException {
        Duration ordinary = Duration.ofSeconds(1);
        Duration login = Duration.ofSeconds(60);
        try (ServerSocket fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Link link = new Link(address(fake.getLocalPort()), Lang.EN, Optional.of(new Request.Login("ana", "s3cret")),
                     ordinary, login)) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> answerHelloThen(fake, true));

            CommandFailure failure = assertTimeoutPreemptively(login.dividedBy(2),
                    () -> catchFailure(() -> link.call(c -> c.status(CLASS), false)));

            assertThat(failure.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(failure.getMessage()).contains("(no answer within 1 second)");
            served.join();
        }
    }

    /**
     * Accepts one connection, answers its hello, answers the login if {@code loggedIn}, then
     * reads on without answering until the client hangs up.
     */
    private static void answerHelloThen(ServerSocket fake, boolean loggedIn) {
        ResponseEncoder encoder = new ResponseEncoder(Json.mapper().getFactory());
        try (Socket socket = fake.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
            in.readLine();
            out.println(encoder.encode(new Response.Hello(Wire.PROTOCOL_VERSION, "fake", "en", false)));
            in.readLine();
            if (loggedIn) {
                out.println(encoder.encode(new Response.LoggedIn("ana", Optional.of("token"))));
            }
            while (in.readLine() != null) {
                // Silence: whatever comes next gets no reply.
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CommandFailure catchFailure(Runnable action) {
        try {
            action.run();
        } catch (CommandFailure failure) {
            return failure;
        }
        throw new AssertionError("expected a CommandFailure");
    }

    private static ServerAddress address(int port) {
        return CommandLine.populateCommand(new ServerAddress(), "--port", Integer.toString(port));
    }
}
