package chamada.protocol;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON configuration of the native protocol. */
public final class Json {

    private Json() {
    }

    /**
     * A mapper for request and reply lines. Lines are already bounded by the server's
     * line limit; the nesting limit keeps a hostile {@code [[[[…} cheap to refuse.
     */
    public static ObjectMapper mapper() {
        // Trailing tokens and repeated keys would each hide part of a request: refuse both.
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build());
        return mapper;
    }
}
