package chamada.materials;

import chamada.rollcall.ClassId;
import chamada.rollcall.TeacherName;
import chamada.store.ChamadaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static chamada.rollcall.StoreFutures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class-material rules every store keeps, as {@link MaterialStore}'s Javadoc states them:
 * materials listed by name per class, a namesake replaced in one step, the class's limit held
 * even by publishes at once, a removal, and all of it surviving a reopen.
 */
public abstract class MaterialStoreContract {

    protected static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    private static final ClassId CLASS = new ClassId(1010);
    private static final ClassId OTHER_CLASS = new ClassId(2020);
    private static final TeacherName ANA = new TeacherName("ana");
    private static final OffsetDateTime AT = Instant.parse("2026-12-01T11:00:00Z").atZone(ZONE).toOffsetDateTime();

    private ChamadaStore store;
    private int keys;

    protected abstract ChamadaStore openStore();

    protected abstract ChamadaStore reopen(ChamadaStore store);

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Material material(ClassId classId, String name, long size) {
        return new Material(0, classId, new MaterialName(name), size, "ab".repeat(32),
                HexFormat.of().formatHex(new byte[16]).substring(0, 28) + String.format("%04x", ++keys), AT, ANA);
    }

    private PublishResult.Published published(Material material) {
        PublishResult result = await(store.publish(material, 1_000));
        assertThat(result).isInstanceOf(PublishResult.Published.class);
        return (PublishResult.Published) result;
    }

    @Test
    void publish_listsTheMaterialsOfItsClassOnly_byName_withWhatWasPublished() {
        Material video = published(material(CLASS, "vídeo.mp4", 300)).material();
        published(material(CLASS, "Aula 1.pdf", 100));
        published(material(OTHER_CLASS, "outra.txt", 10));

        List<Material> materials = await(store.materials(CLASS));

        assertThat(materials).extracting(m -> m.name().value()).containsExactly("Aula 1.pdf", "vídeo.mp4");
        assertThat(materials.get(1)).isEqualTo(video);
        assertThat(video.id()).isPositive();
        assertThat(video.publishedAt()).isEqualTo(AT);
        assertThat(video.publishedBy()).isEqualTo(ANA);
    }

    @Test
    void publish_ofANameTheClassHas_replacesIt_andReturnsTheOneReplaced() {
        Material first = published(material(CLASS, "aula.pdf", 100)).material();

        PublishResult.Published second = published(material(CLASS, "aula.pdf", 200));

        assertThat(second.replaced()).contains(first);
        assertThat(await(store.materials(CLASS))).containsExactly(second.material());
    }

    @Test
    void publish_pastTheClassLimit_changesNothing_butAReplacementCountsOnlyItsNewSize() {
        published(material(CLASS, "a.bin", 600));
        Material b = published(material(CLASS, "b.bin", 300)).material();

        PublishResult full = await(store.publish(material(CLASS, "c.bin", 101), 1_000));
        PublishResult replaced = await(store.publish(material(CLASS, "b.bin", 400), 1_000));

        assertThat(full).isEqualTo(new PublishResult.ClassFull(CLASS, 1_000, 900));
        assertThat(replaced).isInstanceOfSatisfying(PublishResult.Published.class,
                p -> assertThat(p.replaced()).contains(b));
        assertThat(await(store.materials(CLASS))).extracting(m -> m.name().value()).containsExactly("a.bin", "b.bin");
        assertThat(await(store.publish(material(OTHER_CLASS, "c.bin", 1_000), 1_000)))
                .isInstanceOf(PublishResult.Published.class);
    }

    @Test
    void publishesAtOnce_toOneClass_keepItsLimit() {
        List<CompletableFuture<PublishResult>> publishes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            publishes.add(store.publish(material(CLASS, "parte-" + i + ".bin", 300), 1_000));
        }
        long published = publishes.stream().map(future -> await(future))
                .filter(PublishResult.Published.class::isInstance).count();

        assertThat(published).isEqualTo(3);
        assertThat(await(store.materials(CLASS))).hasSize(3);
    }

    @Test
    void remove_takesTheMaterialOff_andSaysWhichItWas() {
        Material aula = published(material(CLASS, "aula.pdf", 100)).material();

        assertThat(await(store.remove(CLASS, new MaterialName("aula.pdf")))).contains(aula);
        assertThat(await(store.remove(CLASS, new MaterialName("aula.pdf")))).isEmpty();
        assertThat(await(store.remove(OTHER_CLASS, new MaterialName("aula.pdf")))).isEqualTo(Optional.empty());
        assertThat(await(store.materials(CLASS))).isEmpty();
    }

    @Test
    void materials_surviveAReopen() {
        Material aula = published(material(CLASS, "aula.pdf", 100)).material();

        store = reopen(store);

        assertThat(await(store.materials(CLASS))).containsExactly(aula);
    }
}
