package io.cablestream.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The key pair of the local pipeline, in PEM files under a directory ({@code .local/jwt} for {@code bin/cables}):
 * {@code private.pem} signs the local tokens and never leaves the machine, {@code public.pem} is what the services
 * verify with ({@code mp.jwt.verify.publickey.location}). Made on first use; in production an OIDC provider's
 * JWKS takes the public key's place and there is no private key here at all.
 */
public final class LocalKeys {

    public static final String PRIVATE_KEY = "private.pem";
    public static final String PUBLIC_KEY = "public.pem";

    private final Path directory;

    private LocalKeys(Path directory) {
        this.directory = directory;
    }

    /** The keys under {@code directory}, made there (private key readable by its owner only) if missing. */
    public static LocalKeys ensure(Path directory) {
        LocalKeys keys = new LocalKeys(directory);
        if (!Files.exists(keys.privateKeyFile())) {
            keys.generate();
        }
        return keys;
    }

    public Path publicKeyFile() {
        return directory.resolve(PUBLIC_KEY);
    }

    public Path privateKeyFile() {
        return directory.resolve(PRIVATE_KEY);
    }

    public PrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKeyFile(), StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + privateKeyFile(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(privateKeyFile() + " is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    private void generate() {
        try {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path privateTmp = Files.createTempFile(directory, "private", ".tmp");
            restrict(privateTmp);
            Files.writeString(privateTmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(publicKeyFile(), pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            try {
                // the private key last and by a rename: a file that exists is always whole
                Files.move(privateTmp, privateKeyFile());
            } catch (FileAlreadyExistsException raced) {
                Files.delete(privateTmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local keys under " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA key generator", e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
