package dev.categorizer.model.trust;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The Ed25519 public keys whose signatures make a bundle trusted. With no key, any bundle that passes its own
 * checks is read, signed or not; with keys, a bundle is read only when {@code manifest.sig} is a valid signature
 * of its manifest by one of them (the manifest holds the SHA-256 of every other file, so the signature covers the
 * whole bundle). Serializable, as the keys' encoded bytes, so that a job can carry them to its tasks.
 *
 * <pre>{@code
 * TrustedKeys keys = TrustedKeys.read(List.of(Path.of("release.pub")));
 * Optional<String> problem = keys.problemWith(manifestBytes, signatureFileBytes);
 * }</pre>
 */
public final class TrustedKeys implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final TrustedKeys NONE = new TrustedKeys(List.of());

    private final List<byte[]> encoded; // X.509 SubjectPublicKeyInfo
    private transient List<PublicKey> keys;

    private TrustedKeys(List<byte[]> encoded) {
        this.encoded = List.copyOf(encoded);
    }

    /** The same keys, in the same order. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TrustedKeys other) || other.encoded.size() != encoded.size()) return false;
        for (int i = 0; i < encoded.size(); i++) {
            if (!java.util.Arrays.equals(encoded.get(i), other.encoded.get(i))) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (byte[] key : encoded) h = 31 * h + java.util.Arrays.hashCode(key);
        return h;
    }

    /** No key: bundles are not required to be signed. */
    public static TrustedKeys none() {
        return NONE;
    }

    /** The public keys of PEM files ({@code PUBLIC KEY}, as {@code openssl pkey -pubout} writes them). */
    public static TrustedKeys read(List<Path> files) {
        List<byte[]> encoded = new ArrayList<>();
        for (Path file : files) {
            try {
                byte[] der = Pem.decode(Files.readString(file, StandardCharsets.US_ASCII), "PUBLIC KEY", file);
                KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
                encoded.add(der);
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": cannot read the trusted key: " + e.getMessage(), e);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException(file + ": not an Ed25519 public key (X.509 PEM)", e);
            }
        }
        return new TrustedKeys(encoded);
    }

    public boolean isEmpty() {
        return encoded.isEmpty();
    }

    /** The ids of the keys, for messages. */
    public List<String> ids() {
        return keys().stream().map(PublicKeys::id).toList();
    }

    /**
     * Why {@code signatureFile} does not prove that one of these keys signed {@code manifest}, or empty when it
     * does. {@code signatureFile} is null when the bundle has none.
     */
    public Optional<String> problemWith(byte[] manifest, byte[] signatureFile) {
        if (isEmpty()) return Optional.empty();
        if (signatureFile == null) {
            return Optional.of("the bundle is not signed, and only bundles signed by a trusted key are accepted");
        }
        String[] parts = new String(signatureFile, StandardCharsets.US_ASCII).trim().split(" ");
        if (parts.length != 3 || !parts[0].equals("ed25519")) {
            return Optional.of("the signature file is not 'ed25519 <key id> <base64 signature>'");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.of("the signature is not base64");
        }
        for (PublicKey key : keys()) {
            if (verifies(key, manifest, signature)) return Optional.empty();
        }
        return Optional.of("the signature (key " + parts[1] + ") is not valid for this manifest under any trusted key "
                + ids() + ": the bundle was changed after signing, or signed by another key");
    }

    private static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature proves nothing
        }
    }

    private List<PublicKey> keys() {
        if (keys == null) {
            List<PublicKey> out = new ArrayList<>();
            try {
                KeyFactory factory = KeyFactory.getInstance("Ed25519");
                for (byte[] der : encoded) out.add(factory.generatePublic(new X509EncodedKeySpec(der)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e); // checked when read
            }
            keys = out;
        }
        return keys;
    }

    @Override
    public String toString() {
        return isEmpty() ? "TrustedKeys[none]" : "TrustedKeys" + ids();
    }
}
