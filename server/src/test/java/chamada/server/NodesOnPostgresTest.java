package chamada.server;

import chamada.client.ChamadaClient;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.store.postgres.PostgresAddress;
import chamada.testing.TestPostgres;
import chamada.testing.TestServer;
import chamada.web.WebConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two whole servers on one PostgreSQL database: a roll call opened through one, a student
 * checked in through the other's native port, and the first's live view (the API's event
 * stream, which the projector page reads) hears it.
 */
class NodesOnPostgresTest {

    @TempDir
    Path dir;

    @Test
    void aCheckInThroughOneServer_isHeardLiveOnTheOther() throws Exception {
        PostgresAddress database = TestPostgres.freshDatabase();
        StoreConfig store = new StoreConfig.Postgres(database, Optional.empty());
        try (TestServer a = TestServer.start(dir.resolve("a"), config -> config.withStore(store)
                     .withWeb(new WebFront(WebConfig.forTests())));
             TestServer b = TestServer.start(dir.resolve("b"), config -> config.withStore(store));
             HttpClient http = HttpClient.newHttpClient()) {
            try (ChamadaClient teacher = a.client()) {
                teacher.open(new ClassId(1010));
            }
            HttpResponse<Stream<String>> events = http.sendAsync(HttpRequest.newBuilder(
                            URI.create(a.webBase() + "/api/v1/classes/1010/roll-call/events")).build(),
                    HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
            Iterator<String> lines = events.body().iterator();

            try (ChamadaClient student = b.client()) {
                student.checkIn(new Matricula("042191010"), new ClassId(1010));
                student.close(new ClassId(1010));
            }
            List<String> heard = new ArrayList<>();
            while (lines.hasNext()) {
                heard.add(lines.next());
            }

            assertThat(heard).contains("event: checkin", "event: close");
            assertThat(heard.stream().filter(line -> line.startsWith("data: ") && line.contains("042191010")).toList())
                    .singleElement().satisfies(line -> assertThat(line).contains("\"count\":1"));
        }
    }
}
