package chamada.bench;

import io.netty.buffer.ByteBuf;

import java.io.IOException;

/**
 * How a {@link LineLane} speaks to one kind of server whose replies to a check-in are one line
 * each: Chamada's native protocol ({@link ChamadaLines}) or Redis's RESP ({@link RespLines}).
 * Used on the lane's loop thread; an implementation keeps no state of its own.
 */
interface LineProtocol {

    /** The line said on connecting, newline included, whose reply must come before any check-in; none by default. */
    default byte[] greeting() {
        return new byte[0];
    }

    /** Checks the reply to {@link #greeting()}; throws saying why the connection cannot be used. */
    default void greeted(String reply) throws IOException {
    }

    /** Writes the request that checks {@code matricula} into {@code classId}, line ending included. */
    void writeCheckIn(ByteBuf out, int classId, long matricula);

    /** Reads the reply to a check-in, {@code line} without its line ending. */
    CheckInReply read(ByteBuf line);
}
