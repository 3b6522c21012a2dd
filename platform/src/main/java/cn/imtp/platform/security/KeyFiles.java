package cn.imtp.platform.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads RSA keys from PEM files: PKCS#8 private keys and X.509 (SubjectPublicKeyInfo) public keys. */
public final class KeyFiles {

    private KeyFiles() {}

    public static PublicKey publicKey(Path pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(pem + " is not an RSA public key in PEM (X.509) form", e);
        }
    }

    public static PrivateKey privateKey(Path pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(pem + " is not an RSA private key in PEM (PKCS#8) form", e);
        }
    }

    private static byte[] der(Path pem) {
        try {
            String text =
                    Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return Base64.getDecoder().decode(text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read key file " + pem + ": " + e.getMessage(), e);
        }
    }
}
