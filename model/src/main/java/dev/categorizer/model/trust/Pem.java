package dev.categorizer.model.trust;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;

/** The PEM armour of a key: base64 of its DER bytes between {@code -----BEGIN type-----} and {@code -----END type-----}. */
final class Pem {
    private Pem() {}

    static byte[] decode(String text, String type, Path source) throws IOException {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException("no " + begin + " block in " + source);
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IOException("bad base64 in the " + type + " block of " + source);
        }
    }

    static String encode(byte[] der, String type) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
