package chamada.net;

import javax.net.ssl.KeyManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's TLS identity: a certificate chain and its private key, read from the PEM files
 * of {@code --tls-cert} and {@code --tls-key} with the JDK alone, for the web front's HTTPS and the
 * native port's TLS alike.
 *
 * <p>PEM (RFC 7468) is Base64 between {@code -----BEGIN LABEL-----} and {@code -----END LABEL-----}
 * lines. The certificate file holds one or more {@code CERTIFICATE} blocks, the server's own
 * first, then its intermediates; each is handed to the JDK's X.509 {@link CertificateFactory}. The
 * key file holds a {@code PRIVATE KEY} block, an unencrypted PKCS#8 key (RFC 5208), which
 * {@link PKCS8EncodedKeySpec} reads as RSA or else as EC. OpenSSL's older forms ({@code RSA
 * PRIVATE KEY}, {@code EC PRIVATE KEY}) and encrypted keys are refused with the command that
 * converts them, rather than parsed by hand or by another library. The key is checked against the
 * first certificate by signing with one and verifying with the other, so a wrong pair fails at
 * start, naming the files, rather than at each browser's handshake.
 *
 * <p>Immutable once read; {@link #toString()} never shows the key.
 */
public final class TlsCertificate {

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final List<String> TRADITIONAL_KEYS = List.of("RSA PRIVATE KEY", "EC PRIVATE KEY");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC");

    private final List<X509Certificate> chain;
    private final PrivateKey key;

    private TlsCertificate(List<X509Certificate> chain, PrivateKey key) {
        this.chain = List.copyOf(chain);
        this.key = key;
    }

    /**
     * Reads {@code certificateFile} (the chain, the server's certificate first) and {@code keyFile}
     * (its PKCS#8 private key, RSA or EC).
     *
     * @throws TlsFileException                  when a file is readable but not as expected, naming it
     * @throws java.nio.file.FileSystemException when a file cannot be read (missing, not allowed), naming it
     */
    public static TlsCertificate read(Path certificateFile, Path keyFile) throws IOException {
        List<X509Certificate> chain = readChain(certificateFile);
        PrivateKey key = readKey(keyFile);
        if (!matches(key, chain.getFirst())) {
            throw new TlsFileException(TlsProblem.KEY_MISMATCH, keyFile, null, certificateFile);
        }
        return new TlsCertificate(chain, key);
    }

    /** The server's certificate, then its intermediates, as the file gave them. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** A key store that holds the chain and the key under {@code password}, for Jetty; never written anywhere. */
    public KeyStore keyStore(String alias, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain.toArray(X509Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The JDK's PKCS12 key store refused a key it had read", e);
        }
    }

    /**
     * The JDK's key managers for this identity, for Netty's TLS. The key store they read lives
     * only in them, so its password protects nothing: a random one, since PKCS12 wants one.
     */
    public KeyManagerFactory keyManagers() {
        char[] password = randomPassword();
        try {
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keyStore("chamada", password), password);
            return managers;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK's key manager refused a key its key store took", e);
        }
    }

    /** A password for a key store kept in memory only. */
    public static char[] randomPassword() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random).toCharArray();
    }

    @Override
    public String toString() {
        X509Certificate own = chain.getFirst();
        return own.getSubjectX500Principal().getName() + ", valid until " + own.getNotAfter().toInstant()
                + ", " + key.getAlgorithm() + " key";
    }

    private static List<X509Certificate> readChain(Path file) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("Every JDK has an X.509 certificate factory", e);
        }
        for (Block block : blocks(file)) {
            if (!block.label().equals("CERTIFICATE")) {
                continue;
            }
            try {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (CertificateException | IllegalArgumentException e) {
                throw new TlsFileException(TlsProblem.BAD_CERTIFICATE, file, e, chain.size() + 1);
            }
        }
        if (chain.isEmpty()) {
            throw new TlsFileException(TlsProblem.NO_CERTIFICATE, file, null);
        }
        return chain;
    }

    private static PrivateKey readKey(Path file) throws IOException {
        List<Block> blocks = blocks(file);
        Optional<Block> pkcs8 = blocks.stream().filter(block -> block.label().equals("PRIVATE KEY")).findFirst();
        if (pkcs8.isEmpty()) {
            for (Block block : blocks) {
                if (block.label().equals("ENCRYPTED PRIVATE KEY")
                        || TRADITIONAL_KEYS.contains(block.label()) && block.body().contains("ENCRYPTED")) {
                    throw new TlsFileException(TlsProblem.ENCRYPTED_KEY, file, null);
                }
                if (TRADITIONAL_KEYS.contains(block.label())) {
                    throw new TlsFileException(TlsProblem.TRADITIONAL_KEY, file, null, block.label());
                }
            }
            throw new TlsFileException(TlsProblem.NO_KEY, file, null);
        }
        PKCS8EncodedKeySpec spec;
        try {
            spec = new PKCS8EncodedKeySpec(pkcs8.get().der());
        } catch (IllegalArgumentException e) {
            throw new TlsFileException(TlsProblem.UNSUPPORTED_KEY, file, e);
        }
        TlsFileException unsupported = new TlsFileException(TlsProblem.UNSUPPORTED_KEY, file, null);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException e) {
                unsupported.addSuppressed(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Every JDK has RSA and EC key factories", e);
            }
        }
        throw unsupported;
    }

    /** Whether {@code key} is the private half of {@code certificate}'s public key. */
    private static boolean matches(PrivateKey key, X509Certificate certificate) {
        if (!key.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())) {
            return false;
        }
        String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A key the provider cannot use with that certificate's key (another curve, say) is not its pair.
            return false;
        }
    }

    /** The PEM blocks of {@code file}, in order; text around them (comments, OpenSSL's "Bag Attributes") is skipped. */
    private static List<Block> blocks(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new TlsFileException(TlsProblem.NOT_A_FILE, file, null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            // A failing disk's IOException names no file: this one does, like every other refusal.
            throw (FileSystemException) new FileSystemException(file.toString(), null, e.getMessage()).initCause(e);
        }
        // ISO-8859-1 decodes any bytes: a binary file is then simply one without PEM blocks.
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = PEM_BLOCK.matcher(text);
        while (matcher.find()) {
            blocks.add(new Block(matcher.group(1), matcher.group(2)));
        }
        return blocks;
    }

    /** One PEM block: its label and what stands between its lines, headers included. */
    private record Block(String label, String body) {

        /** The DER bytes; RFC 7468 allows white space anywhere in the Base64, which the MIME decoder skips. */
        byte[] der() {
            return Base64.getMimeDecoder().decode(body);
        }
    }
}
