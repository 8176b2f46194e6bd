package chamada.server;

import chamada.client.ChamadaClient;
import chamada.error.ErrorCode;
import chamada.materials.Material;
import chamada.materials.MaterialChoice;
import chamada.materials.MaterialLimits;
import chamada.materials.MaterialName;
import chamada.protocol.Json;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import chamada.testing.NeverReadingClient;
import chamada.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static chamada.testing.Replies.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Class materials end to end over the native protocol, on a server in open mode: a 200 MB file
 * there and back with its SHA-256, a download resumed after a cut, names that try to leave the
 * folder refused, 50 downloads at once, an upload that nobody sees before it is whole (nor ever,
 * if it is cut or damaged), the limits, and a removal.
 */
class MaterialsTest {

    private static final ClassId CLASS = new ClassId(1010);
    private static final ObjectMapper JSON = Json.mapper();

    @TempDir
    Path dir;

    private TestServer server;
    private ChamadaClient teacher;

    /** The store the server keeps its data in: the config's own, the embedded one. */
    ServerConfig onStore(ServerConfig config) {
        return config;
    }

    @BeforeEach
    void start() {
        start(config -> config);
    }

    private void start(java.util.function.UnaryOperator<ServerConfig> customize) {
        server = TestServer.start(dir, config -> customize.apply(onStore(config)));
        teacher = server.client();
    }

    @AfterEach
    void stop() {
        teacher.close();
        server.close();
    }

    private Path folder() {
        return server.config().materials().folderFor(server.config().store());
    }

    private List<Path> keptFiles() throws IOException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private List<Path> incomingFiles() throws IOException {
        try (Stream<Path> files = Files.list(folder().resolve(".incoming"))) {
            return files.toList();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private Material upload(String name, byte[] bytes) {
        Response reply = teacher.upload(CLASS, new MaterialName(name), bytes.length, sha256(bytes),
                new ByteArrayInputStream(bytes), sent -> { });
        return as(reply, Response.Uploaded.class).material();
    }

    private byte[] download(ChamadaClient client, String name, long offset) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        as(client.download(CLASS, new MaterialChoice.ByName(new MaterialName(name)), offset, received),
                Response.Download.class);
        return received.toByteArray();
    }

    @Test
    void aFileOf200Megabytes_goesThereAndBack_withTheSameSha256() throws Exception {
        long size = 200L << 20;
        Path original = dir.resolve("video.mp4");
        MessageDigest written = sha256();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(original), written)) {
            Random random = new Random(14);
            byte[] chunk = new byte[1 << 20];
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        String sha256 = HexFormat.of().formatHex(written.digest());

        Response uploaded;
        try (InputStream in = Files.newInputStream(original)) {
            uploaded = teacher.upload(CLASS, new MaterialName("video.mp4"), size, sha256, in, sent -> { });
        }
        MessageDigest received = sha256();
        long[] count = {0};
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                throw new UnsupportedOperationException("bytes come in blocks");
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                received.update(bytes, offset, length);
                count[0] += length;
            }
        };
        Response.Download download;
        try (ChamadaClient student = server.client()) {
            download = as(student.download(CLASS, new MaterialChoice.ByNumber(1), 0, sink), Response.Download.class);
        }

        assertThat(as(uploaded, Response.Uploaded.class).material().sha256()).isEqualTo(sha256);
        assertThat(download.length()).isEqualTo(size);
        assertThat(count[0]).isEqualTo(size);
        assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(sha256);
        assertThat(keptFiles()).singleElement().satisfies(file -> assertThat(Files.size(file)).isEqualTo(size));
        assertThat(incomingFiles()).isEmpty();
    }

    @Test
    void aDownloadCutHalfway_resumesFromItsOffset_toTheSameBytes() throws Exception {
        byte[] bytes = bytes(5 << 20, 1);
        upload("aula.pdf", bytes);
        byte[] firstPart;
        try (Socket cut = new Socket("127.0.0.1", server.port())) {
            cut.getOutputStream().write("{\"op\":\"download\",\"class\":1010,\"file\":\"aula.pdf\"}\n"
                    .getBytes(StandardCharsets.UTF_8));
            InputStream in = cut.getInputStream();
            JsonNode header = JSON.readTree(readLine(in));
            assertThat(header.get("length").asLong()).isEqualTo(bytes.length);
            firstPart = in.readNBytes(1 << 20);
        }

        byte[] rest;
        try (ChamadaClient student = server.client()) {
            rest = download(student, "aula.pdf", firstPart.length);
        }

        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.write(firstPart);
        whole.write(rest);
        assertThat(sha256(whole.toByteArray())).isEqualTo(sha256(bytes));
        assertThat(teacher.status(CLASS)).as("the connection that downloaded still answers").isNotNull();
    }

    @Test
    void namesThatTryToLeaveTheFolder_areRefused_andNothingIsWrittenOutside() throws Exception {
        upload("aula.txt", "olá".getBytes(StandardCharsets.UTF_8));
        List<String> replies = new ArrayList<>();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (String name : List.of("../evil.txt", "../../etc/passwd", "/etc/passwd", "a/b", "..\\\\x", "..",
                    ".incoming", "CON")) {
                out.write(("{\"op\":\"upload\",\"class\":1010,\"file\":\"" + name + "\",\"size\":3,\"sha256\":\""
                        + "0".repeat(64) + "\"}\n").getBytes(StandardCharsets.UTF_8));
                replies.add(readLine(in));
                out.write(("{\"op\":\"download\",\"class\":1010,\"file\":\"" + name + "\"}\n")
                        .getBytes(StandardCharsets.UTF_8));
                replies.add(readLine(in));
            }
            out.write("download 1010 99\n".getBytes(StandardCharsets.UTF_8));
            replies.add(readLine(in));
            out.write("{\"op\":\"download\",\"class\":1010,\"file\":\"aula.txt\",\"offset\":5}\n"
                    .getBytes(StandardCharsets.UTF_8));
            replies.add(readLine(in));
        }

        assertThat(replies.subList(0, 16)).allSatisfy(reply ->
                assertThat(JSON.readTree(reply).get("code").asText()).isEqualTo("INVALID_FIELD"));
        assertThat(JSON.readTree(replies.get(16)).get("code").asText()).isEqualTo("UNKNOWN_MATERIAL");
        assertThat(JSON.readTree(replies.get(17)).get("code").asText()).isEqualTo("INVALID_FIELD");
        assertThat(Files.exists(dir.resolve("evil.txt"))).isFalse();
        assertThat(keptFiles()).hasSize(1);
    }

    @Test
    void fiftyDownloadsAtOnce_eachGetTheWholeFile() throws Exception {
        byte[] bytes = bytes(4 << 20, 50);
        upload("apostila.pdf", bytes);
        String expected = sha256(bytes);

        List<CompletableFuture<String>> downloads = new ArrayList<>();
        try (ExecutorService students = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                downloads.add(CompletableFuture.supplyAsync(() -> {
                    try (ChamadaClient student = server.client()) {
                        return sha256(download(student, "apostila.pdf", 0));
                    }
                }, students));
            }
            assertThat(downloads.stream().map(CompletableFuture::join).toList()).hasSize(50)
                    .allMatch(expected::equals);
        }
    }

    @Test
    void anUploadInProgress_isSeenByNobody_untilItsLastByteIsIn() throws Exception {
        byte[] first = bytes(1 << 20, 1);
        byte[] second = bytes(2 << 20, 2);
        upload("notas.bin", first);
        try (Socket uploading = new Socket("127.0.0.1", server.port()); ChamadaClient student = server.client()) {
            OutputStream out = uploading.getOutputStream();
            InputStream in = uploading.getInputStream();
            out.write(("{\"op\":\"upload\",\"class\":1010,\"file\":\"notas.bin\",\"size\":" + second.length
                    + ",\"sha256\":\"" + sha256(second) + "\"}\n").getBytes(StandardCharsets.UTF_8));
            assertThat(JSON.readTree(readLine(in)).get("ok").asBoolean()).isTrue();
            out.write(second, 0, second.length / 2);
            out.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> incomingSize() == second.length / 2);

            List<Material> during = as(student.materials(CLASS), Response.Materials.class).materials();
            byte[] downloadedDuring = download(student, "notas.bin", 0);
            out.write(second, second.length / 2, second.length - second.length / 2);
            out.flush();
            JsonNode done = JSON.readTree(readLine(in));

            assertThat(during).singleElement().satisfies(m -> assertThat(m.sha256()).isEqualTo(sha256(first)));
            assertThat(sha256(downloadedDuring)).isEqualTo(sha256(first));
            assertThat(done.get("sha256").asText()).isEqualTo(sha256(second));
            assertThat(sha256(download(student, "notas.bin", 0))).isEqualTo(sha256(second));
        }
        assertThat(keptFiles()).as("the file replaced is deleted").hasSize(1);
    }

    private long incomingSize() throws IOException {
        long total = 0;
        for (Path file : incomingFiles()) {
            total += Files.size(file);
        }
        return total;
    }

    @Test
    void anUploadCutShort_orDamaged_leavesNothing() throws Exception {
        byte[] bytes = bytes(1 << 20, 3);
        try (Socket cut = new Socket("127.0.0.1", server.port())) {
            OutputStream out = cut.getOutputStream();
            out.write(("{\"op\":\"upload\",\"class\":1010,\"file\":\"cortado.bin\",\"size\":" + bytes.length
                    + ",\"sha256\":\"" + sha256(bytes) + "\"}\n").getBytes(StandardCharsets.UTF_8));
            assertThat(JSON.readTree(readLine(cut.getInputStream())).get("ok").asBoolean()).isTrue();
            out.write(bytes, 0, 1000);
            out.flush();
        }
        Response damaged = teacher.upload(CLASS, new MaterialName("danificado.bin"), bytes.length,
                sha256("outra coisa".getBytes(StandardCharsets.UTF_8)), new ByteArrayInputStream(bytes), sent -> { });

        assertThat(as(damaged, Response.Failure.class).code()).isEqualTo(ErrorCode.UPLOAD_CORRUPT);
        await().atMost(Duration.ofSeconds(30)).until(() -> incomingFiles().isEmpty());
        assertThat(keptFiles()).isEmpty();
        assertThat(as(teacher.materials(CLASS), Response.Materials.class).materials()).isEmpty();
    }

    @Test
    void theLimits_refuseAFileTooLarge_andAClassTooFull_beforeAByteIsSent() {
        stop();
        start(config -> config.withMaterials(new MaterialsConfig(config.materials().folder(),
                new MaterialLimits(MaterialLimits.MIB, 2 * MaterialLimits.MIB))));
        upload("a.bin", bytes(1 << 20, 1));
        upload("b.bin", bytes(1 << 20, 2));

        Response tooLarge = teacher.call(new chamada.protocol.Request.Upload(CLASS, new MaterialName("c.bin"),
                (1 << 20) + 1, Optional.of("0".repeat(64))));
        Response full = teacher.call(new chamada.protocol.Request.Upload(CLASS, new MaterialName("c.bin"), 1,
                Optional.of("0".repeat(64))));
        Material replaced = upload("b.bin", bytes(1 << 20, 3));

        assertThat(as(tooLarge, Response.Failure.class).code()).isEqualTo(ErrorCode.MATERIAL_TOO_LARGE);
        assertThat(as(full, Response.Failure.class).code()).isEqualTo(ErrorCode.CLASS_MATERIALS_FULL);
        assertThat(replaced.name().value()).as("a replacement counts only its own size").isEqualTo("b.bin");
    }

    /** Netty counts a file being sent as no bytes waiting: the progress of the transfer is what times it out. */
    @Test
    void aDownloadTheClientStopsReading_isClosedAfterTheIdleTimeout() throws Exception {
        stop();
        start(config -> config.withLimits(4096, Duration.ofSeconds(1), 50));
        upload("grande.bin", bytes(32 << 20, 9));
        try (NeverReadingClient stalled = NeverReadingClient.start(new InetSocketAddress("127.0.0.1", server.port()),
                "download 1010 grande.bin\n", "help\n".repeat(10_000))) {
            stalled.awaitClosedByTheServer(Duration.ofSeconds(60));
        }
        try (ChamadaClient student = server.client()) {
            assertThat(as(student.materials(CLASS), Response.Materials.class).materials()).hasSize(1);
        }
    }

    @Test
    void remove_takesTheMaterialOff_andItsFileWithIt() throws Exception {
        upload("aula.pdf", bytes(1000, 1));

        Response removed = teacher.removeMaterial(CLASS, new MaterialName("aula.pdf"));
        Response again = teacher.removeMaterial(CLASS, new MaterialName("aula.pdf"));

        assertThat(as(removed, Response.MaterialRemoved.class).file()).isEqualTo("aula.pdf");
        assertThat(as(again, Response.Failure.class).code()).isEqualTo(ErrorCode.UNKNOWN_MATERIAL);
        assertThat(keptFiles()).isEmpty();
    }

    /** One line of a reply, read byte by byte so that not a byte of what follows it is taken. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended within a line");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
