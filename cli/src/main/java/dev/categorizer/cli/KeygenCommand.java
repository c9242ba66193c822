package dev.categorizer.cli;

import dev.categorizer.model.trust.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code categorizer keygen}: makes an Ed25519 key pair for signing bundles ({@code train --sign-key}) and
 * trusting them ({@code score --trusted-key}).
 */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = "Makes an Ed25519 key pair: the private key signs bundles (train --sign-key), the public key "
                + "is trusted by score, evaluate and sql (--trusted-key).")
public final class KeygenCommand implements Callable<Integer> {
    @Option(names = "--private-key", required = true, paramLabel = "FILE",
            description = "Where the private key goes (PKCS#8 PEM, readable by its owner only).")
    Path privateKey;

    @Option(names = "--public-key", required = true, paramLabel = "FILE",
            description = "Where the public key goes (X.509 PEM).")
    Path publicKey;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(privateKey)) {
            System.err.println("keygen: " + privateKey + " exists; not replacing a key");
            return 1;
        }
        for (Path file : new Path[] {privateKey, publicKey}) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        }
        SigningKey key = SigningKey.generate(privateKey, publicKey);
        System.out.println("key " + key + ": private " + privateKey + ", public " + publicKey);
        return 0;
    }
}
