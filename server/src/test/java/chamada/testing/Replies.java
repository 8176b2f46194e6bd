package chamada.testing;

import chamada.protocol.Response;
import org.assertj.core.api.Assertions;

/** Assertions on replies that tests repeat. */
public final class Replies {

    private Replies() {
    }

    /** {@code response}, which must be of {@code type}; fails showing what came instead. */
    public static <T extends Response> T as(Response response, Class<T> type) {
        Assertions.assertThat(response).as("reply").isInstanceOf(type);
        return type.cast(response);
    }

    /** The failure's code; fails if the reply was not a failure. */
    public static String code(Response response) {
        return as(response, Response.Failure.class).code();
    }
}
