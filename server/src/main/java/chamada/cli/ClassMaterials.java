package chamada.cli;

import chamada.error.ErrorCode;
import chamada.i18n.HumanSize;
import chamada.i18n.HumanTime;
import chamada.i18n.Lang;
import chamada.materials.Material;
import chamada.materials.MaterialChoice;
import chamada.materials.MaterialName;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What the CLI does with class materials, each with its printout and the exit code it deserves,
 * like {@link TeacherActions}: a teacher's upload and removal, a student's list and download.
 *
 * <p>A download goes to {@code NAME.part} beside its destination, its SHA-256 computed as it is
 * written; only a whole file whose hash is the server's is fsynced and renamed to {@code NAME}, so
 * a file of that name is always complete. A download cut short leaves the part, which
 * {@code --resume} continues from its end.
 */
final class ClassMaterials {

    private static final String PART = ".part";

    private final Link link;
    private final Lang lang;
    private final PrintWriter out;
    private final PrintWriter err;

    ClassMaterials(Link link, Lang lang, PrintWriter out, PrintWriter err) {
        this.link = link;
        this.lang = lang;
        this.out = out;
        this.err = err;
    }

    /** Publishes {@code file} as {@code name}; its SHA-256 is computed first, for the server to check. */
    int upload(ClassId classId, Path file, MaterialName name) {
        long size;
        String sha256;
        try {
            size = Files.size(file);
            sha256 = sha256(file);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, Text.FILE_READ_FAILED.format(lang, file, Reasons.file(e, lang)), e);
        }
        Response reply = link.call(client -> {
            try (InputStream bytes = Files.newInputStream(file)) {
                return client.upload(classId, name, size, sha256, bytes, sent -> { });
            } catch (IOException e) {
                throw new CommandFailure(ExitCodes.LOCAL_FILE, Text.FILE_READ_FAILED.format(lang, file,
                        Reasons.file(e, lang)), e);
            }
        }, false);
        if (!(reply instanceof Response.Uploaded uploaded)) {
            return Refusals.of(err, lang, reply);
        }
        out.println(MaterialText.PUBLISHED.format(lang, uploaded.material().name(), HumanSize.format(uploaded.material().size()),
                classId, uploaded.material().sha256()));
        return ExitCodes.OK;
    }

    int remove(ClassId classId, MaterialName name) {
        Response reply = link.call(client -> client.removeMaterial(classId, name), false);
        if (!(reply instanceof Response.MaterialRemoved)) {
            return Refusals.of(err, lang, reply);
        }
        out.println(MaterialText.REMOVED.format(lang, name, classId));
        return ExitCodes.OK;
    }

    /** Prints the class's materials, numbered as {@code download} takes them. */
    int list(ClassId classId) {
        return materials(classId).map(materials -> {
            print(classId, materials);
            return ExitCodes.OK;
        }).orElse(ExitCodes.REFUSED);
    }

    /**
     * Downloads the material {@code choice} names into {@code folder}; without a choice, lists the
     * class's materials and asks for a number on {@code terminal}, as the seed's menu did.
     */
    int download(ClassId classId, Optional<MaterialChoice> choice, Path folder, boolean resume, Terminal terminal) {
        MaterialChoice chosen;
        if (choice.isPresent()) {
            chosen = choice.get();
        } else {
            Optional<List<Material>> materials = materials(classId);
            if (materials.isEmpty()) {
                return ExitCodes.REFUSED;
            }
            print(classId, materials.get());
            if (materials.get().isEmpty()) {
                return ExitCodes.OK;
            }
            out.println(MaterialText.CHOOSE.format(lang));
            out.flush();
            String typed = terminal.readLine().orElse("").strip();
            Optional<MaterialChoice> number = typed.chars().allMatch(Character::isDigit) && !typed.isEmpty()
                    && typed.length() <= 9 ? Optional.of(new MaterialChoice.ByNumber(Integer.parseInt(typed)))
                    : Optional.empty();
            if (number.isEmpty() || number.get().in(materials.get()).isEmpty()) {
                err.println(MaterialText.NOT_A_CHOICE.format(lang, typed));
                return ExitCodes.USAGE;
            }
            chosen = number.get();
        }
        return download(classId, chosen, folder, resume);
    }

    private int download(ClassId classId, MaterialChoice choice, Path folder, boolean resume) {
        Optional<Material> known = materials(classId).flatMap(materials -> choice.in(materials));
        MaterialName name = switch (choice) {
            case MaterialChoice.ByName byName -> byName.name();
            case MaterialChoice.ByNumber byNumber -> known.map(Material::name).orElse(null);
        };
        if (name == null) {
            err.println(MaterialText.NOT_A_CHOICE.format(lang, ((MaterialChoice.ByNumber) choice).number()));
            return ExitCodes.REFUSED;
        }
        Path target = folder.resolve(name.value());
        Path part = folder.resolve(name.value() + PART);
        MessageDigest sha256 = newSha256();
        long offset;
        try {
            Files.createDirectories(folder);
            offset = resume && Files.isRegularFile(part) ? hashInto(part, sha256) : 0;
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, Text.FILE_WRITE_FAILED.format(lang, part, Reasons.file(e, lang)), e);
        }
        Response reply;
        try (FileChannel file = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream sink = new DigestOutputStream(Channels.newOutputStream(file), sha256)) {
            if (offset > 0) {
                err.println(MaterialText.RESUMING.format(lang, name, HumanSize.format(offset), part));
                err.flush();
            }
            try {
                reply = link.call(client -> client.download(classId, new MaterialChoice.ByName(name), offset, sink), false);
            } catch (CommandFailure cut) {
                long kept = file.size();
                err.println(MaterialText.CUT.format(lang, HumanSize.format(kept), known.map(m -> HumanSize.format(m.size())).orElse("?"), part));
                throw cut;
            }
            sink.flush();
            file.force(true);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, Text.FILE_WRITE_FAILED.format(lang, part, Reasons.file(e, lang)), e);
        }
        if (!(reply instanceof Response.Download download)) {
            if (offset > 0 && reply instanceof Response.Failure failure && failure.code() == ErrorCode.INVALID_FIELD) {
                // The part is longer than the file now: the file changed on the server since the cut.
                delete(part);
                err.println(MaterialText.CHANGED.format(lang, name));
                return ExitCodes.REFUSED;
            }
            return Refusals.of(err, lang, reply); // the part is kept: a store or a server stopping may be back soon
        }
        String received = HexFormat.of().formatHex(sha256.digest());
        if (!received.equals(download.material().sha256())) {
            delete(part);
            err.println(MaterialText.DAMAGED.format(lang, name, download.material().sha256()));
            return ExitCodes.REFUSED;
        }
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, Text.FILE_WRITE_FAILED.format(lang, target, Reasons.file(e, lang)), e);
        }
        out.println(MaterialText.DOWNLOADED.format(lang, name, HumanSize.format(download.material().size()), target));
        return ExitCodes.OK;
    }

    private Optional<List<Material>> materials(ClassId classId) {
        Response reply = link.call(client -> client.materials(classId), true);
        if (!(reply instanceof Response.Materials materials)) {
            Refusals.of(err, lang, reply);
            return Optional.empty();
        }
        return Optional.of(materials.materials());
    }

    private void print(ClassId classId, List<Material> materials) {
        if (materials.isEmpty()) {
            out.println(MaterialText.NO_MATERIALS.format(lang, classId));
            return;
        }
        out.println(MaterialText.MATERIALS.format(lang, classId, materials.size()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(MaterialText.HEADER_NUMBER.format(lang), MaterialText.HEADER_NAME.format(lang),
                MaterialText.HEADER_SIZE.format(lang), "SHA-256", MaterialText.HEADER_DATE.format(lang)));
        int number = 0;
        for (Material material : materials) {
            rows.add(List.of(Integer.toString(++number), material.name().value(), HumanSize.format(material.size()),
                    material.sha256(), HumanTime.format(material.publishedAt())));
        }
        Table.print(out, rows, 2);
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest sha256 = newSha256();
        hashInto(file, sha256);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Feeds {@code file}'s bytes to {@code digest}; answers how many there were. */
    private static long hashInto(Path file, MessageDigest digest) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[64 * 1024];
            long total = 0;
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                digest.update(chunk, 0, read);
                total += read;
            }
            return total;
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.LOCAL_FILE, Text.FILE_WRITE_FAILED.format(lang, file, Reasons.file(e, lang)), e);
        }
    }
}
