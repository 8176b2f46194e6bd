/**
 * The legacy listeners of {@code chamada server --legacy}: the seeds' roll call, messages and
 * file download, each on its own port, run like the native port (a platform thread accepts,
 * a virtual thread per connection, the per-address limit, an idle timeout, a graceful stop)
 * and answered through the server's one dispatcher ({@link chamada.server.legacy.LegacyDispatcher})
 * as the reserved teacher {@code (legacy)}. No rule lives here: a message becomes native
 * requests, and their replies become the seeds' texts.
 *
 * <p>{@link chamada.server.legacy.LegacyServer} is what {@code ChamadaServer} owns;
 * {@link chamada.server.legacy.LegacyConfig} is the legacy part of its config. The formats
 * themselves are in {@code chamada.protocol.legacy}; PROTOCOL.md ("Legacy protocols") describes them.
 */
package chamada.server.legacy;
