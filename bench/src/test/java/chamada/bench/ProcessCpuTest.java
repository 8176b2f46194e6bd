package chamada.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCpuTest {

    @Test
    void parse_commandWithSpacesAndParens_readsUtimePlusStime() {
        String stat = "4242 (my (odd) java) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 100 0 0";

        assertThat(ProcessCpu.parse(stat)).isEqualTo(Duration.ofMillis(3_000));
    }

    @Test
    void of_thisProcess_isKnownOnLinux_andMissingProcess_isEmpty() {
        if (System.getProperty("os.name").toLowerCase().contains("linux")) {
            assertThat(ProcessCpu.of(ProcessHandle.current().pid())).isPresent();
        }
        assertThat(ProcessCpu.of(Long.MAX_VALUE)).isEmpty();
    }
}
