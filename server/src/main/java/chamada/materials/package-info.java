/**
 * Class materials: a teacher publishes files to a class, students list and download them. The
 * metadata lives in the store ({@link chamada.materials.MaterialStore}, which decides the
 * per-class limit and replaces a file of the same name in one step); the bytes in a folder
 * ({@link chamada.materials.MaterialFolder}), written whole before they are published, so nobody
 * ever reads half a file. Who may publish, and the limits a request is checked against first, are
 * {@link chamada.materials.MaterialService}'s.
 */
package chamada.materials;
