package chamada.server.nativeport;

import chamada.application.Application;
import chamada.application.Session;
import chamada.error.ChamadaException;
import chamada.i18n.Lang;
import chamada.protocol.Request;
import chamada.protocol.RequestDecoder;
import chamada.protocol.ResponseEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A connection the server will not serve (too many from one address, or the server stopping).
 * The client speaks first, so the refusal waits for its first line (a hello, usually, whose
 * language it then uses); a client silent for {@link #WAIT}, or whose first line is too long,
 * is closed without a word.
 */
final class RefusedConnection extends ChannelInboundHandlerAdapter {

    /** How long a refused connection may take to say its first line before it is closed unanswered. */
    static final Duration WAIT = Duration.ofSeconds(5);

    private final Session session;
    private final Application application;
    private final RequestDecoder decoder;
    private final ResponseEncoder encoder;
    private final LineFramer framer;
    private final ChamadaException refusal;
    private final ReceivedBytes received = new ReceivedBytes();
    private boolean answered;

    RefusedConnection(Session session, Application application, RequestDecoder decoder, ResponseEncoder encoder,
                      int maxLineBytes, ChamadaException refusal) {
        this.session = session;
        this.application = application;
        this.decoder = decoder;
        this.encoder = encoder;
        this.framer = new LineFramer(maxLineBytes);
        this.refusal = refusal;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        // Closes it in any case: silent, or answered but not reading the answer.
        context.executor().schedule(() -> {
            answered = true;
            context.close();
        }, WAIT.toMillis(), TimeUnit.MILLISECONDS);
        context.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        answered = true;
        received.release();
        context.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (answered) {
            ((ByteBuf) message).release();
            return;
        }
        received.add(context.alloc(), (ByteBuf) message);
        switch (received.next(framer)) {
            case LineFramer.Frame.Incomplete incomplete -> {
            }
            case LineFramer.Frame.Line line -> {
                chosenLang(line.text()).ifPresent(session::lang);
                refuse(context);
            }
            case LineFramer.Frame.BadEncoding bad -> refuse(context);
            case LineFramer.Frame.TooLong tooLong -> {
                answered = true;
                context.close();
            }
        }
    }

    private void refuse(ChannelHandlerContext context) {
        answered = true;
        String reply = encoder.encode(application.refusal(session, refusal)) + "\n";
        context.writeAndFlush(ByteBufUtil.writeUtf8(context.alloc(), reply)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof ChannelInputShutdownEvent && !answered) {
            answered = true;
            context.close(); // it went without a whole line: nothing to answer
        }
        context.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        context.close();
    }

    private Optional<Lang> chosenLang(String line) {
        try {
            return decoder.decode(line) instanceof Request.Hello hello ? hello.lang() : Optional.empty();
        } catch (ChamadaException e) {
            return Optional.empty();
        }
    }
}
