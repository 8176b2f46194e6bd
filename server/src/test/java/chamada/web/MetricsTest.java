package chamada.web;

import chamada.client.ChamadaClient;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.server.ServerConfig;
import chamada.server.WebFront;
import chamada.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code GET /metrics} read as a Prometheus server reads it: the text goes through the Prometheus
 * project's own parser (Python's {@code prometheus_client}, Debian's python3-prometheus-client,
 * which {@code ./chamada test} installs), which refuses what is not the text format; then each
 * figure is checked against what the test did.
 */
class MetricsTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    /** Reads the text format on standard input and writes every sample as a JSON line; fails on bad text. */
    private static final String PARSER = """
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            for family in text_string_to_metric_families(sys.stdin.read()):
                for sample in family.samples:
                    print(json.dumps({"type": family.type, "name": sample.name, "labels": sample.labels,
                                      "value": sample.value}))
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ClassId CLASS = new ClassId(1010);
    /** A metric's name in a PromQL query: the meters' prefixes, never a function's or a label's name. */
    private static final Pattern METRIC_NAME = Pattern.compile("\\b(?:chamada|jvm|process|system)_[a-z_]+");

    @TempDir
    Path dir;

    private TestServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void parserInstalled() throws Exception {
        assumeTrue(PYTHON.toFile().canExecute() && run("import prometheus_client", "").exit() == 0,
                "Python's prometheus_client is not installed (apt-get install python3-prometheus-client): the /metrics"
                        + " test needs its parser");
    }

    @AfterEach
    void stop() {
        http.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    /** The store the server keeps its roll calls in: the config's own, the embedded one. */
    ServerConfig onStore(ServerConfig config) {
        return config;
    }

    /** The kind of store its sync time is tagged with. */
    String storeKind() {
        return "journal";
    }

    @Test
    void metrics_afterCheckInsAndAWatcher_countWhatHappened() throws Exception {
        server = TestServer.start(dir, config -> onStore(config).withWeb(new WebFront(WebConfig.forTests())));
        try (ChamadaClient teacher = server.client(); ChamadaClient student = server.client()) {
            teacher.open(CLASS);
            teacher.watch(CLASS);
            for (String matricula : List.of("042191010", "042191011", "042191012", "042191010")) {
                student.checkIn(new Matricula(matricula), CLASS);
            }
            Response refused = student.checkIn(new Matricula("042191010"), new ClassId(2020));
            String refusalCode = ((Response.Refusal) refused).code().wireName();

            HttpResponse<String> scraped = http.send(HttpRequest.newBuilder(URI.create(server.webBase() + "/metrics"))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            List<JsonNode> samples = parse(scraped.body());

            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(value(samples, "chamada_checkins_total", Map.of())).isEqualTo(3);
            assertThat(value(samples, "chamada_requests_seconds_count", Map.of("op", "checkin", "outcome", "ok")))
                    .isEqualTo(4);
            assertThat(value(samples, "chamada_requests_seconds_bucket",
                    Map.of("op", "checkin", "outcome", "ok", "le", "+Inf"))).isEqualTo(4);
            assertThat(value(samples, "chamada_requests_seconds_count",
                    Map.of("op", "checkin", "outcome", refusalCode))).isEqualTo(1);
            assertThat(value(samples, "chamada_requests_seconds_count", Map.of("op", "open", "outcome", "ok")))
                    .isEqualTo(1);
            assertThat(value(samples, "chamada_rollcalls_open", Map.of())).isEqualTo(1);
            assertThat(value(samples, "chamada_connections", Map.of("port", "native"))).isEqualTo(2);
            assertThat(value(samples, "chamada_connections", Map.of("port", "http"))).isGreaterThanOrEqualTo(1);
            assertThat(value(samples, "chamada_watchers", Map.of("front", "native"))).isEqualTo(1);
            assertThat(value(samples, "chamada_watchers", Map.of("front", "web"))).isZero();
            assertThat(value(samples, "chamada_store_sync_seconds_count", Map.of("store", storeKind())))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(samples, "chamada_journal_lag_writes", Map.of())).isBetween(0.0, 5.0);
            assertThat(samples).extracting(sample -> sample.get("name").asText())
                    .contains("jvm_memory_used_bytes", "jvm_gc_live_data_size_bytes", "jvm_threads_live_threads",
                            "process_cpu_usage", "process_uptime_seconds", "process_files_open_files");
        }
    }

    /**
     * deploy/grafana-dashboard.json asks only for meters the server has: each metric name in each
     * panel's query is a sample the server wrote.
     */
    @Test
    void grafanaDashboard_queriesOnlyMetersTheServerWrites() throws Exception {
        server = TestServer.start(dir, config -> onStore(config).withWeb(new WebFront(WebConfig.forTests())));
        try (ChamadaClient client = server.client()) {
            client.open(CLASS);
            client.checkIn(new Matricula("042191010"), CLASS);
        }
        Set<String> written = parse(http.send(HttpRequest.newBuilder(URI.create(server.webBase() + "/metrics"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString()).body()).stream()
                .map(sample -> sample.get("name").asText()).collect(Collectors.toSet());
        JsonNode dashboard = JSON.readTree(Path.of("deploy", "grafana-dashboard.json").toFile());

        List<String> queried = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> panel.get("targets").forEach(target -> {
            Matcher names = METRIC_NAME.matcher(target.get("expr").asText());
            while (names.find()) {
                queried.add(names.group());
            }
        }));

        assertThat(queried).hasSizeGreaterThanOrEqualTo(dashboard.get("panels").size());
        assertThat(written).containsAll(queried);
    }

    /** Every sample named {@code name} whose labels include {@code labels}: exactly one must match. */
    private static double value(List<JsonNode> samples, String name, Map<String, String> labels) {
        List<JsonNode> matching = samples.stream().filter(sample -> sample.get("name").asText().equals(name))
                .filter(sample -> labels.entrySet().stream().allMatch(label ->
                        label.getValue().equals(sample.get("labels").path(label.getKey()).asText(null))))
                .toList();
        assertThat(matching).as("samples %s%s", name, labels).hasSize(1);
        return matching.getFirst().get("value").asDouble();
    }

    private static List<JsonNode> parse(String text) throws Exception {
        Parsed parsed = run(PARSER, text);
        assertThat(parsed.exit()).as("the Prometheus parser's exit; it said: %s", parsed.err()).isZero();
        List<JsonNode> samples = new ArrayList<>();
        for (String line : parsed.out().lines().toList()) {
            samples.add(JSON.readTree(line));
        }
        return samples;
    }

    private record Parsed(int exit, String out, String err) {
    }

    /** Runs {@code script} with Python, {@code input} on its standard input, reading both its outputs as it goes. */
    private static Parsed run(String script, String input) throws Exception {
        Process python = new ProcessBuilder(PYTHON.toString(), "-c", script).start();
        Thread writer = Thread.ofVirtual().start(() -> {
            try (OutputStream stdin = python.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // Python ended without reading it all: its exit and its error output say why.
            }
        });
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(python.getErrorStream()));
        String out = read(python.getInputStream());
        if (!python.waitFor(60, TimeUnit.SECONDS)) {
            python.destroyForcibly();
            throw new IllegalStateException("python3 did not end within 60 s");
        }
        writer.join();
        return new Parsed(python.exitValue(), out, err.get(60, TimeUnit.SECONDS));
    }

    private static String read(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
