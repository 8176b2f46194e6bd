package chamada.protocol;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * The native protocol's codec on the check-in path, both sides: what the server does with
 * each request line and reply, and what the client library does with each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class CodecBenchmark {

    private final ObjectMapper json = Json.mapper();
    private final RequestDecoder requestDecoder = new RequestDecoder(json);
    private final ResponseEncoder responseEncoder = new ResponseEncoder(json.getFactory());
    private final RequestEncoder requestEncoder = new RequestEncoder(json.getFactory());
    private final ResponseDecoder responseDecoder = new ResponseDecoder(json);

    private final String checkInJson = "{\"op\":\"checkin\",\"matricula\":\"10000042191\",\"class\":1010}";
    private final String checkInWords = "checkin 10000042191 1010";
    private final Response.CheckedIn checkedIn = new Response.CheckedIn(1010,
            OffsetDateTime.of(2026, 11, 21, 8, 0, 1, 250_000_000, ZoneOffset.ofHours(-3)), false);
    private final String checkedInLine = new ResponseEncoder(json.getFactory()).encode(checkedIn);
    private final Request.CheckIn checkInRequest = new Request.CheckIn(new Matricula("10000042191"), new ClassId(1010));

    private final OffsetDateTime time = checkedIn.at();
    private final String timeText = Wire.time(time);

    /** Both sides: a time as the wire writes it. */
    @Benchmark
    public String formatTime() {
        return Wire.time(time);
    }

    /** Both sides: a time read back from the wire. */
    @Benchmark
    public OffsetDateTime parseTime() {
        return Wire.parseTime(timeText);
    }

    /** Server: a check-in line, as a client library sends it, into a request. */
    @Benchmark
    public Request serverDecodeCheckInJson() {
        return requestDecoder.decode(checkInJson);
    }

    /** Server: a check-in typed by a person. */
    @Benchmark
    public Request serverDecodeCheckInWords() {
        return requestDecoder.decode(checkInWords);
    }

    /** Server: the reply to a check-in, into its line. */
    @Benchmark
    public String serverEncodeCheckedIn() {
        return responseEncoder.encode(checkedIn);
    }

    /** Client: a check-in request into its line. */
    @Benchmark
    public String clientEncodeCheckIn() {
        return requestEncoder.encode(checkInRequest);
    }

    /** Client: the reply line back into a response. */
    @Benchmark
    public Response clientDecodeCheckedIn() {
        return responseDecoder.decode(checkedInLine);
    }
}
