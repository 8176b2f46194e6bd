package chamada.reliability;

import chamada.error.ErrorCode;
import chamada.protocol.Response;

/**
 * What a reply tells the campaign about the write it answers: done, or surely not done (a refusal
 * whose message says nothing changed), or maybe (the server says it cannot tell).
 */
enum Answer {
    DONE, NOT_DONE, UNCERTAIN;

    /** The certainty of a refusal: only the two codes whose message admits the write may have happened leave doubt. */
    static Answer of(Response.Refusal refusal) {
        return refusal.code() == ErrorCode.STORE_UNCERTAIN || refusal.code() == ErrorCode.INTERNAL
                ? UNCERTAIN : NOT_DONE;
    }
}
