package chamada.web;

import chamada.i18n.Lang;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The web config refuses values out of range with a message naming the option and its limits. */
class WebConfigTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void port_outOfRange_isRefusedNamingTheOption() {
        assertThatThrownBy(() -> WebConfig.defaults(LOOPBACK, 65_536, Lang.EN))
                .hasMessage("--http-port must be from 0 to 65535, got 65536");
    }

    @Test
    void headerLimit_tooSmall_isRefusedNamingTheOption() {
        assertThatThrownBy(() -> WebConfig.forTests().withLimits(100, 1024, 1))
                .hasMessage("--http-max-header-bytes must be from 1024 to 65536 bytes, got 100 bytes");
    }

    @Test
    void bodyLimit_tooLarge_isRefusedNamingTheOption() {
        assertThatThrownBy(() -> WebConfig.forTests().withLimits(8192, 1L << 40, 1))
                .hasMessageStartingWith("--http-max-body-bytes must be from 1024 to 67108864 bytes");
    }

    @Test
    void connectionsPerAddress_zero_isRefusedNamingTheOption() {
        assertThatThrownBy(() -> WebConfig.forTests().withLimits(8192, 1024, 0))
                .hasMessage("--max-connections-per-address must be from 1 to 100000, got 0");
    }

    @Test
    void idleTimeout_underASecond_isRefusedNamingTheOption() {
        assertThatThrownBy(() -> new WebConfig(LOOPBACK, 0, 8192, 1024, Duration.ofMillis(500), 1, Lang.EN))
                .hasMessage("--http-idle-timeout must be from 1 to 86400 s, got 0.5 s");
    }

    @Test
    void defaults_areAccepted() {
        WebConfig config = WebConfig.defaults(LOOPBACK, WebConfig.DEFAULT_PORT, Lang.PT_BR);

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.maxHeaderBytes()).isEqualTo(WebConfig.DEFAULT_MAX_HEADER_BYTES);
        assertThat(config.lang()).isEqualTo(Lang.PT_BR);
    }
}
