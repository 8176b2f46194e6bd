package chamada.bench;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Redis's RESP for the check-in lanes: each check-in is {@code SADD class:<id> <matrícula>} as
 * an array of bulk strings, and its reply one line, the integer {@code :1} (added) or {@code :0}
 * (already in the set), or an error {@code -ERR …}, a refusal as Jedis reports one. No greeting:
 * like the Jedis connections of the set-up, RESP2 with no {@code HELLO}.
 */
final class RespLines implements LineProtocol {

    static final RespLines INSTANCE = new RespLines();

    private RespLines() {
    }

    @Override
    public void writeCheckIn(ByteBuf out, int classId, long matricula) {
        // Digits and ASCII: a bulk string's length in bytes is its length in chars.
        String key = RedisTarget.key(classId);
        String member = Long.toString(matricula);
        out.writeCharSequence("*3\r\n$4\r\nSADD\r\n$" + key.length() + "\r\n" + key + "\r\n$" + member.length()
                + "\r\n" + member + "\r\n", StandardCharsets.US_ASCII);
    }

    @Override
    public CheckInReply read(ByteBuf line) {
        if (line.readableBytes() == 2 && line.getByte(line.readerIndex()) == ':') {
            byte added = line.getByte(line.readerIndex() + 1);
            if (added == '1') {
                return CheckInReply.NEW;
            }
            if (added == '0') {
                return CheckInReply.ALREADY_THERE;
            }
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.startsWith("-") ? new CheckInReply.Refused(text.substring(1))
                : new CheckInReply.Failed("unexpected reply to SADD: " + text);
    }
}
