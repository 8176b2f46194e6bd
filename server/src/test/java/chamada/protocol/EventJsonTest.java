package chamada.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A watcher's client skips the event kinds it does not read: the keep-alive, which names no class, and newer ones. */
class EventJsonTest {

    private static final ObjectMapper JSON = Json.mapper();

    @Test
    void keepAlive_andUnknownKinds_areSkipped() throws Exception {
        assertThat(EventJson.read(JSON.readTree("{\"event\":\"keepalive\"}"))).isEmpty();
        assertThat(EventJson.read(JSON.readTree("{\"event\":\"question\",\"class\":1010}"))).isEmpty();
        assertThat(EventJson.read(JSON.readTree(
                "{\"event\":\"open\",\"class\":1010,\"opened_at\":\"2026-12-01T08:00:00.000-03:00\"}"))).isPresent();
    }
}
