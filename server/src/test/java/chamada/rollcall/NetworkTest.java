package chamada.rollcall;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkTest {

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/8, 10.255.1.2, true",
            "10.0.0.0/8, 11.0.0.1, false",
            "192.168.1.0/25, 192.168.1.127, true",
            "192.168.1.0/25, 192.168.1.128, false",
            "192.168.1.7, 192.168.1.7, true",
            "192.168.1.7, 192.168.1.8, false",
            "0.0.0.0/0, 8.8.8.8, true",
            "2001:db8::/32, 2001:db8:ffff::1, true",
            "2001:db8::/32, 2001:db9::1, false",
            "2001:db8::/32, 10.0.0.1, false",
            "10.0.0.0/8, ::1, false",
    })
    void contains_addressInsideOrOutside(String cidr, String address, boolean inside) throws UnknownHostException {
        assertThat(Network.parse(cidr).contains(InetAddress.getByName(address))).isEqualTo(inside);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "school.example", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "2001:db8::/129", "/8",
            "192.168.1/24", "10/8", "cafe", "beef/16", "010.0.0.1", "256.0.0.1"})
    void parse_notANetwork_isRefusedNamingIt(String cidr) {
        assertThatThrownBy(() -> Network.parse(cidr)).isInstanceOf(IllegalArgumentException.class);
    }
}
