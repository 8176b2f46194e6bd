/**
 * The wire formats of the seeds' Python programs, as codecs with no sockets and no rules:
 * the roll call of {@code seeds/000} ({@link chamada.protocol.legacy.LegacyRollCallCodec}),
 * the messages of {@code seeds/003} ({@link chamada.protocol.legacy.MessageFraming}) and the
 * file download of {@code seeds/004} ({@link chamada.protocol.legacy.FileDownloadCodec}),
 * with the Python literals they print ({@link chamada.protocol.legacy.PythonLiteral}) and
 * their Portuguese texts ({@link chamada.protocol.legacy.LegacyText}).
 *
 * <p>The roll call decodes into the same {@link chamada.protocol.Request} records as the
 * native protocol and renders the same {@link chamada.protocol.Response} records; the
 * server's listeners for these formats are in {@code chamada.server.legacy}.
 */
package chamada.protocol.legacy;
