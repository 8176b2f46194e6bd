package chamada.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
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
     *
     * <p>Jackson's buffers come from one shared pool rather than its default per-thread
     * cache: with a virtual thread per connection, the per-thread cache kept about 16 KB of
     * {@code char[]} alive per open connection (153 MiB of the server's 383 MiB live heap with
     * 10,000 connections open). A buffer is only held while a line is parsed or written, so
     * the shared pool never holds more than the carrier threads use at once.
     */
    public static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();
        // Trailing tokens and repeated keys would each hide part of a request: refuse both.
        JsonMapper mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build());
        return mapper;
    }
}
