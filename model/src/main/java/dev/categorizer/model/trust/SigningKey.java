package dev.categorizer.model.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * An Ed25519 private key that signs bundle manifests, from a PEM file ({@code PRIVATE KEY}, PKCS#8), as written
 * by {@link #generate} or {@code openssl genpkey -algorithm ed25519 -out signing.pem}. JDK crypto only.
 *
 * <pre>{@code
 * SigningKey key = SigningKey.read(Path.of("signing.pem"));
 * byte[] signature = key.sign(manifestBytes);
 * }</pre>
 */
public final class SigningKey {
    private final PrivateKey key;
    private final PublicKey publicKey;

    private SigningKey(PrivateKey key, PublicKey publicKey) {
        this.key = key;
        this.publicKey = publicKey;
    }

    /** Reads the private key of {@code file}; the message of a failure names the file, never the key. */
    public static SigningKey read(Path file) {
        try {
            byte[] der = Pem.decode(Files.readString(file, StandardCharsets.US_ASCII), "PRIVATE KEY", file);
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new SigningKey(key, PublicKeys.derive(key));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the signing key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": not an Ed25519 private key (PKCS#8 PEM)", e);
        }
    }

    /** Makes a new key pair: the private key to {@code privateFile} (owner-only), the public one to {@code publicFile}. */
    public static SigningKey generate(Path privateFile, Path publicFile) throws IOException {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.deleteIfExists(privateFile);
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(privateFile, Pem.encode(pair.getPrivate().getEncoded(), "PRIVATE KEY"));
            Files.writeString(publicFile, Pem.encode(pair.getPublic().getEncoded(), "PUBLIC KEY"));
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** The Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
    }

    /** The signature file of a manifest: one line, {@code ed25519 <key id> <base64 signature>}. */
    public String signatureLine(byte[] manifest) {
        return "ed25519 " + PublicKeys.id(publicKey) + " " + Base64.getEncoder().encodeToString(sign(manifest)) + "\n";
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public String toString() {
        return "SigningKey[" + PublicKeys.id(publicKey) + "]"; // never the key itself
    }
}
