package chamada.server.legacy;

import chamada.application.Application;
import chamada.application.Session;
import chamada.application.Transfer;
import chamada.i18n.Lang;
import chamada.materials.Material;
import chamada.materials.MaterialChoice;
import chamada.materials.MaterialName;
import chamada.protocol.Request;
import chamada.protocol.Response;
import chamada.rollcall.ClassId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * A class's materials, offered on the legacy file download ({@code --legacy-files-class}): the
 * same list, by the same rules, as {@code chamada student files} shows, through the application
 * like every front. Used from the legacy port's virtual threads, which may wait.
 */
final class ClassMaterialFiles implements LegacyFiles {

    private static final Logger log = LoggerFactory.getLogger(ClassMaterialFiles.class);

    private final Application application;
    private final ClassId classId;

    ClassMaterialFiles(Application application, ClassId classId) {
        this.application = application;
        this.classId = classId;
    }

    @Override
    public String describe() {
        return "the materials of class " + classId;
    }

    @Override
    public List<String> names() {
        Response reply = application.handle(session(), new Request.Materials(classId)).join();
        if (reply instanceof Response.Materials materials) {
            return materials.materials().stream().map(Material::name).map(MaterialName::value).toList();
        }
        log.warn("Cannot list the materials of class {} for the legacy file download: {}", classId, reply);
        return List.of();
    }

    @Override
    public Content read(String name) {
        Transfer transfer = application.download(session(), new Request.Download(classId,
                new MaterialChoice.ByName(new MaterialName(name)), 0)).join();
        if (!(transfer instanceof Transfer.Ready ready)) {
            return new Content.Gone();
        }
        try (FileChannel channel = ready.channel(); InputStream in = Channels.newInputStream(channel)) {
            return Content.of(in.readNBytes(MAX_FILE_BYTES + 1));
        } catch (IOException e) {
            log.debug("Cannot read material {} of class {}: {}", name, classId, e.toString());
            return new Content.Gone();
        }
    }

    private Session session() {
        return application.session(Lang.PT_BR, InetAddress.getLoopbackAddress());
    }
}
