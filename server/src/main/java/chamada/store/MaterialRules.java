package chamada.store;

import chamada.materials.Material;
import chamada.materials.MaterialName;
import chamada.materials.PublishResult;
import chamada.rollcall.ClassId;
import chamada.rollcall.TeacherName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Class materials' metadata ({@link chamada.materials.MaterialStore}) in SQL both stores share: the
 * one place a store decides the class's limit and replaces a material of the same name. The
 * store's transaction must hold the class against other publishes first (SQLite: its one writer;
 * PostgreSQL: {@link #LOCK_CLASS}). Stateless.
 */
public final class MaterialRules {

    /** PostgreSQL's turn-taking of one class's publishes and removals. */
    public static final String LOCK_CLASS = "SELECT pg_advisory_xact_lock(hashtextextended('chamada:materials', ?))";

    private static final String COLUMNS = """
            SELECT id, class_id, name, size, sha256, file_key, published_at, published_by FROM materials""";
    private static final String OF_CLASS = COLUMNS + " WHERE class_id = ?";
    private static final String NAMED = COLUMNS + " WHERE class_id = ? AND name = ?";
    private static final String DELETE = "DELETE FROM materials WHERE id = ?";
    private static final String INSERT = """
            INSERT INTO materials (class_id, name, size, sha256, file_key, published_at, published_by)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""";

    private final ZoneId zone;

    public MaterialRules(ZoneId zone) {
        this.zone = zone;
    }

    /** The class's materials, sorted by name as Java compares strings: the same order on every store and node. */
    public List<Material> materials(Connection connection, ClassId classId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(OF_CLASS)) {
            query.setInt(1, classId.value());
            List<Material> materials = read(query);
            materials.sort((a, b) -> a.name().value().compareTo(b.name().value()));
            return materials;
        }
    }

    /** Publishes {@code material} in the caller's transaction, replacing its namesake, within {@code classLimit}. */
    public PublishResult publish(Connection connection, Material material, long classLimit) throws SQLException {
        List<Material> current = materials(connection, material.classId());
        Optional<Material> replaced = current.stream().filter(m -> m.name().equals(material.name())).findFirst();
        long used = current.stream().filter(m -> !m.name().equals(material.name())).mapToLong(Material::size).sum();
        if (used + material.size() > classLimit) {
            return new PublishResult.ClassFull(material.classId(), classLimit, used);
        }
        if (replaced.isPresent()) {
            delete(connection, replaced.get().id());
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setInt(1, material.classId().value());
            insert.setString(2, material.name().value());
            insert.setLong(3, material.size());
            insert.setString(4, material.sha256());
            insert.setString(5, material.key());
            insert.setLong(6, material.publishedAt().toInstant().toEpochMilli());
            insert.setString(7, material.publishedBy().value());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return new PublishResult.Published(new Material(row.getLong(1), material.classId(), material.name(),
                        material.size(), material.sha256(), material.key(), material.publishedAt(),
                        material.publishedBy()), replaced);
            }
        }
    }

    /** Takes {@code name} off {@code classId} in the caller's transaction. */
    public Optional<Material> remove(Connection connection, ClassId classId, MaterialName name) throws SQLException {
        Optional<Material> material;
        try (PreparedStatement query = connection.prepareStatement(NAMED)) {
            query.setInt(1, classId.value());
            query.setString(2, name.value());
            material = read(query).stream().findFirst();
        }
        if (material.isPresent()) {
            delete(connection, material.get().id());
        }
        return material;
    }

    private static void delete(Connection connection, long id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
    }

    private List<Material> read(PreparedStatement query) throws SQLException {
        List<Material> materials = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                materials.add(new Material(row.getLong(1), new ClassId(row.getInt(2)), new MaterialName(row.getString(3)),
                        row.getLong(4), row.getString(5), row.getString(6),
                        Instant.ofEpochMilli(row.getLong(7)).atZone(zone).toOffsetDateTime(),
                        new TeacherName(row.getString(8))));
            }
        }
        return materials;
    }
}
