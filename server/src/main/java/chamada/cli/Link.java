package chamada.cli;

import chamada.client.ChamadaClient;
import chamada.client.ClientTls;
import chamada.client.ServerRefusedException;
import chamada.client.TlsHandshakeException;
import chamada.error.ErrorCode;
import chamada.i18n.Lang;
import chamada.protocol.ProtocolException;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.RollCallEvent;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The CLI's connection to the server for one command or one interactive session, over
 * {@link ChamadaClient}: connects on first use, logs in when given credentials, and turns
 * every connection problem into a {@link CommandFailure} with {@link ExitCodes#UNREACHABLE}
 * and one readable line. A server that answers the hello with a refusal (too many
 * connections from this address, shutting down) is there but will not serve: its own
 * message, already in the user's language, is that line.
 *
 * <p>An interactive session may sit idle longer than the server's idle timeout, or outlive
 * a server restart. So after the connection is lost the next call connects again, and a
 * request is sent a second time when that is safe: always after the server said
 * {@code IDLE_TIMEOUT} (it closed the connection without reading the request), and after a
 * broken connection only for requests the caller marks idempotent (a check-in, a status),
 * never for open or close, whose fate is then unknown.
 *
 * <p>Used by the command's own thread only; not thread-safe.
 */
final class Link implements AutoCloseable {

    /** The kinds of subject alternative name that name a host (RFC 5280 section 4.2.1.6). */
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    /** How long to wait for the connection and then for each reply. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * How long to wait for the reply to a login: the server checks the secret with a
     * deliberately slow PBKDF2 (a few hundred milliseconds, seconds on a loaded machine)
     * and runs the checks one at a time, so a login may queue behind others.
     */
    static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(60);

    /** How long a watch may hear nothing, keep-alives included, before the connection is taken for dead. */
    static final Duration WATCH_SILENCE = Duration.ofSeconds(90);

    /** How long a backup's reply may take: the server writes the whole archive before it answers. */
    static final Duration BACKUP_TIMEOUT = Duration.ofMinutes(30);

    private final ServerAddress address;
    /** TLS as {@code --tls} or {@code --ca} asked; empty: plain TCP. */
    private final Optional<ClientTls> tls;
    private final Lang lang;
    private final Optional<Request.Login> login;
    private final Duration timeout;
    private final Duration loginTimeout;
    private Optional<ChamadaClient> client = Optional.empty();

    /**
     * @throws CommandFailure for a {@code --ca} file that cannot be used ({@link ServerAddress#tls})
     */
    Link(ServerAddress address, Lang lang, Optional<Request.Login> login) {
        this(address, address.tls(lang), lang, login, TIMEOUT, LOGIN_TIMEOUT);
    }

    /** With the connection's TLS already read from {@code address}, so that a bad {@code --ca} is said first. */
    Link(ServerAddress address, Optional<ClientTls> tls, Lang lang, Optional<Request.Login> login) {
        this(address, tls, lang, login, TIMEOUT, LOGIN_TIMEOUT);
    }

    /** With other timeouts than {@link #TIMEOUT} and {@link #LOGIN_TIMEOUT}; for tests. */
    Link(ServerAddress address, Lang lang, Optional<Request.Login> login, Duration timeout, Duration loginTimeout) {
        this(address, address.tls(lang), lang, login, timeout, loginTimeout);
    }

    private Link(ServerAddress address, Optional<ClientTls> tls, Lang lang, Optional<Request.Login> login,
                 Duration timeout, Duration loginTimeout) {
        this.address = address;
        this.tls = tls;
        this.lang = lang;
        this.login = login;
        this.timeout = timeout;
        this.loginTimeout = loginTimeout;
    }

    /** Where this link connects, as {@code host:port}. */
    String display() {
        return address.display();
    }

    /** Connects (and logs in) now if not connected yet: a session checks the server before its first prompt. */
    void connect() {
        client();
    }

    /** The server's hello: its version and whether it runs in open mode. */
    Response.Hello hello() {
        Response reply = call(c -> c.call(new Request.Hello(Optional.of(lang))), true);
        if (reply instanceof Response.Hello hello) {
            return hello;
        }
        throw notChamada(null);
    }

    /**
     * Sends one request and returns its reply.
     *
     * @param idempotent whether sending it twice does no harm, so it may be resent on a
     *                   fresh connection when the first one broke before the reply
     */
    Response call(Function<ChamadaClient, Response> request, boolean idempotent) {
        return call(request, idempotent, timeout);
    }

    /** As {@link #call(Function, boolean)}, where {@code replyTimeout} is the timeout the reply is waited for. */
    private Response call(Function<ChamadaClient, Response> request, boolean idempotent, Duration replyTimeout) {
        boolean fresh = client.isEmpty();
        Response reply;
        try {
            reply = request.apply(client());
        } catch (UncheckedIOException e) {
            drop();
            if (idempotent && !fresh) {
                return call(request, false, replyTimeout);
            }
            throw new CommandFailure(ExitCodes.UNREACHABLE, Text.CONNECTION_LOST.format(lang, display(),
                    Reasons.network(e.getCause(), lang, replyTimeout.toSeconds())), e);
        } catch (ProtocolException e) {
            drop();
            throw notChamada(e);
        }
        if (reply instanceof Response.Failure failure) {
            ErrorCode code = failure.code();
            if (!code.keepsConnection()) {
                drop();
                if (code == ErrorCode.IDLE_TIMEOUT && !fresh) {
                    // The server hung up on our silence before reading this request: it was not done.
                    return call(request, false, replyTimeout);
                }
            }
        }
        return reply;
    }

    /**
     * Watches {@code classId}: hands each of its events to {@code each} as it comes, until the
     * server ends the watch, whose refusal is returned, or {@code stop} comes, when the returned
     * reply is the {@link Response.Watching} that began it. A refusal to watch is returned at once.
     */
    Response watch(ClassId classId, Consumer<RollCallEvent> each, StopSignal stop) {
        Response reply = call(c -> c.watch(classId), true);
        if (!(reply instanceof Response.Watching)) {
            return reply;
        }
        ChamadaClient watching = client.orElseThrow();
        AtomicBoolean stopped = new AtomicBoolean();
        stop.onStop(() -> {
            stopped.set(true);
            watching.abort();
        });
        // A quiet class sends nothing for an hour, but the server sends a keep-alive every 30 seconds:
        // three missed mean the connection is dead.
        watching.replyTimeout(WATCH_SILENCE);
        try {
            while (true) {
                each.accept(watching.nextEvent());
            }
        } catch (ServerRefusedException e) {
            drop();
            return new Response.Failure(e.code(), e.getMessage());
        } catch (UncheckedIOException e) {
            drop();
            if (stopped.get()) {
                return reply;
            }
            throw new CommandFailure(ExitCodes.UNREACHABLE, Text.CONNECTION_LOST.format(lang, display(),
                    Reasons.network(e.getCause(), lang, 0)), e);
        } catch (ProtocolException e) {
            drop();
            throw notChamada(e);
        }
    }

    /** Asks for a backup: a {@link Response.Backup} reply's archive has been written to {@code sink}. */
    Response backup(OutputStream sink) {
        return call(c -> {
            c.replyTimeout(BACKUP_TIMEOUT);
            try {
                return c.backup(sink);
            } finally {
                c.replyTimeout(timeout);
            }
        }, false, BACKUP_TIMEOUT);
    }

    /** Says goodbye to the server, if connected. */
    @Override
    public void close() {
        drop();
    }

    private ChamadaClient client() {
        if (client.isPresent()) {
            return client.get();
        }
        ChamadaClient connected;
        try {
            connected = ChamadaClient.connect(address.host(), address.port(), tls, lang, timeout);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof TlsHandshakeException failed) {
                throw new CommandFailure(ExitCodes.UNREACHABLE, tlsFailure(failed), e);
            }
            throw new CommandFailure(ExitCodes.UNREACHABLE, Text.CONNECT_FAILED.format(lang, display(),
                    Reasons.network(e.getCause(), lang, timeout.toSeconds())), e);
        } catch (ServerRefusedException e) {
            String message = e.getMessage() == null || e.getMessage().isBlank() ? e.code().wireName() : oneLine(e.getMessage());
            throw new CommandFailure(ExitCodes.UNREACHABLE, message, e);
        } catch (ProtocolException e) {
            throw notChamada(e);
        }
        client = Optional.of(connected);
        login.ifPresent(this::logIn);
        return connected;
    }

    private void logIn(Request.Login credentials) {
        Response reply = call(c -> {
            c.replyTimeout(loginTimeout);
            try {
                return c.call(credentials);
            } finally {
                // Also after a timeout: the goodbye on the way out must not wait the login's time again.
                c.replyTimeout(timeout);
            }
        }, false, loginTimeout);
        if (reply instanceof Response.LoggedIn) {
            return;
        }
        drop();
        if (reply instanceof Response.Failure failure) {
            throw new CommandFailure(ExitCodes.REFUSED, failure.message());
        }
        throw notChamada(null);
    }

    /** What to change when the TLS handshake failed. */
    private String tlsFailure(TlsHandshakeException failed) {
        return switch (failed.problem()) {
            case UNTRUSTED -> TlsText.UNTRUSTED.format(lang, display(), failed.certificate()
                    .map(certificate -> certificate.getIssuerX500Principal().getName()).orElse("?"));
            case WRONG_HOST -> TlsText.WRONG_HOST.format(lang, display(), failed.certificate()
                    .map(Link::names).orElse("?"), address.host());
            case NOT_TLS -> TlsText.NOT_TLS.format(lang, display());
            case FAILED -> TlsText.FAILED.format(lang, display());
        };
    }

    /** The host names and addresses a certificate is for: its subject alternative names, else its subject. */
    private static String names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> name : alternatives) {
                    if (name.get(0) instanceof Integer type && (type == DNS_NAME || type == IP_ADDRESS)) {
                        names.add(String.valueOf(name.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // A damaged extension: the subject says it as well as can be.
        }
        return names.isEmpty() ? certificate.getSubjectX500Principal().getName() : String.join(", ", names);
    }

    /** The server's text is meant to be one line; a stray line break must not split ours. */
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private CommandFailure notChamada(Throwable cause) {
        return new CommandFailure(ExitCodes.UNREACHABLE, Text.NOT_CHAMADA.format(lang, display()), cause);
    }

    private void drop() {
        client.ifPresent(ChamadaClient::close);
        client = Optional.empty();
    }
}
