package cn.imtp.media.storage.control;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Presigned GET URLs (AWS Signature Version 4, query string, path style) for the public endpoint, made in
 * microseconds and shared by every viewer of a time slot: the signing time is the start of the current slot
 * ({@code slot}), so every URL of one object signed within a slot is the same string — a CDN or the browser caches the
 * segment once for all viewers — and it stays valid for {@code slot + lifetime} from the slot's start, at least
 * {@code lifetime} after it was handed out. The day's signing key is derived once. The cost in revocation: a URL is a
 * bearer credential for its one object until it expires, whoever it was given to.
 */
public final class SharedGetSigner {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    /** The endpoint's scheme, host and port, and the path before a key ({@code /bucket/}), as ASCII. */
    private final byte[] originBytes;

    private final String host;
    private final byte[] pathPrefixBytes;
    private final String region;
    private final String accessKey;
    private final String secretKey;
    private final long slotSeconds;
    private final long lifetimeSeconds;
    private volatile DayKey dayKey;

    private record DayKey(String day, byte[] key) {}

    /**
     * @param endpoint the public S3 endpoint ({@code http://127.0.0.1:9000}, {@code https://s3.example.cn}); a path in it
     *                 is kept in front of the bucket
     */
    public SharedGetSigner(
            String endpoint, String bucket, String region, String accessKey, String secretKey, Duration lifetime) {
        URI uri = URI.create(endpoint);
        boolean defaultPort = uri.getPort() == -1
                || ("http".equals(uri.getScheme()) && uri.getPort() == 80)
                || ("https".equals(uri.getScheme()) && uri.getPort() == 443);
        this.host = uri.getHost() + (defaultPort ? "" : ":" + uri.getPort());
        this.originBytes = (uri.getScheme() + "://" + host).getBytes(StandardCharsets.US_ASCII);
        // The endpoint's path as it stands in a URL, each part encoded as a key's are (ASCII whatever it was written
        // in).
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        this.pathPrefixBytes = (encodePath(path) + "/" + encode(bucket) + "/").getBytes(StandardCharsets.US_ASCII);
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.lifetimeSeconds = lifetime.toSeconds();
        this.slotSeconds = Math.max(1, lifetime.toSeconds() / 2);
    }

    /** The start of the slot {@code now} is in: the signing time of every URL made in it. */
    public Instant slotOf(Instant now) {
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), slotSeconds) * slotSeconds);
    }

    /** The start of the slot after the one {@code now} is in. */
    public Instant nextSlotAfter(Instant now) {
        return slotOf(now).plusSeconds(slotSeconds);
    }

    /**
     * A GET URL of {@code key} signed at {@code signedAt}, valid {@code expiresSeconds}: written as a playlist's URLs are
     * ({@link Batch#write}), so that there is one way of signing.
     */
    String sign(String key, Instant signedAt, long expiresSeconds, Map<String, String> query) {
        Batch batch = new Batch(signingFor(signedAt, expiresSeconds, query));
        byte[] path = encodedKey(key);
        byte[] out = new byte[batch.length(path.length)];
        batch.write(path, path.length, out, 0);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /**
     * URLs of many objects signed for {@code now}'s slot (as {@link #url} signs them, no response overrides), written as
     * ASCII bytes in place: a 3-hour lecture's playlist signs 1,800 of them, and neither a string per URL nor a copy of
     * the 650-KB text is made. One batch may be used by several threads at once.
     */
    public Batch batch(Instant now) {
        return new Batch(signingFor(slotOf(now), slotSeconds + lifetimeSeconds, Map.of()));
    }

    /** A key as it stands in a URL's path: each part encoded, the slashes kept; ASCII. */
    public static byte[] encodedKey(String key) {
        return encodePath(key).getBytes(StandardCharsets.US_ASCII);
    }

    /** Signs URLs of one signing time, lifetime and query; see {@link #batch}. */
    public final class Batch {
        private final Signing signing;

        private Batch(Signing signing) {
            this.signing = signing;
        }

        /** How many bytes the URL of an object whose encoded key ({@link #encodedKey}) has {@code keyLength} bytes takes. */
        public int length(int keyLength) {
            return originBytes.length + pathPrefixBytes.length + keyLength + signing.tail().length + 64;
        }

        /**
         * Writes the URL of the object whose encoded key is {@code key[0, keyLength)} into {@code out} from {@code at}
         * ({@link #length} bytes). Each URL's canonical request and string to sign are hashed in parts, without building
         * them.
         */
        public void write(byte[] key, int keyLength, byte[] out, int at) {
            Hashing h = HASHING.get();
            h.sha256.update(GET_LINE);
            h.sha256.update(pathPrefixBytes);
            h.sha256.update(key, 0, keyLength);
            h.sha256.update(signing.canonicalRest());
            byte[] requestHash = h.hex(h.sha256.digest());
            byte[] signature = h.hmac(signing.key(), signing.toSignPrefix(), requestHash);
            int p = copy(originBytes, out, at);
            p = copy(pathPrefixBytes, out, p);
            System.arraycopy(key, 0, out, p, keyLength);
            p = copy(signing.tail(), out, p + keyLength);
            for (byte b : signature) {
                out[p++] = HEX_DIGITS[(b >> 4) & 15];
                out[p++] = HEX_DIGITS[b & 15];
            }
        }

        private static int copy(byte[] from, byte[] to, int at) {
            System.arraycopy(from, 0, to, at, from.length);
            return at + from.length;
        }
    }

    private static final byte[] GET_LINE = "GET\n".getBytes(StandardCharsets.US_ASCII);

    /** What every URL of one signing time, lifetime and query shares: made once, reused for the whole playlist. */
    private record Signing(
            Instant at,
            long expires,
            Map<String, String> query,
            byte[] tail,
            byte[] canonicalRest,
            byte[] toSignPrefix,
            byte[] key) {}

    /**
     * The last signing context of each thread: request threads sign the current slot while the background thread signs
     * the next one, and neither should undo the other's.
     */
    private final ThreadLocal<Signing> last = new ThreadLocal<>();

    private Signing signingFor(Instant at, long expiresSeconds, Map<String, String> query) {
        Signing s = last.get();
        if (s != null
                && s.at().equals(at)
                && s.expires() == expiresSeconds
                && s.query().equals(query)) {
            return s;
        }
        String amzDate = AMZ_DATE.format(at);
        String day = amzDate.substring(0, 8);
        String scope = day + "/" + region + "/s3/aws4_request";
        TreeMap<String, String> params = new TreeMap<>();
        params.put("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
        params.put("X-Amz-Credential", accessKey + "/" + scope);
        params.put("X-Amz-Date", amzDate);
        params.put("X-Amz-Expires", Long.toString(expiresSeconds));
        params.put("X-Amz-SignedHeaders", "host");
        params.putAll(query);
        StringBuilder canonicalQuery = new StringBuilder(256);
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (!canonicalQuery.isEmpty()) {
                canonicalQuery.append('&');
            }
            canonicalQuery.append(encode(p.getKey())).append('=').append(encode(p.getValue()));
        }
        // The canonical request after the path, and the string to sign before the request's hash, as bytes once.
        byte[] rest = ("\n" + canonicalQuery + "\nhost:" + host + "\n\nhost\nUNSIGNED-PAYLOAD")
                .getBytes(StandardCharsets.UTF_8);
        s = new Signing(
                at,
                expiresSeconds,
                Map.copyOf(query),
                ("?" + canonicalQuery + "&X-Amz-Signature=").getBytes(StandardCharsets.US_ASCII),
                rest,
                ("AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n").getBytes(StandardCharsets.UTF_8),
                signingKey(day));
        last.set(s);
        return s;
    }

    private byte[] signingKey(String day) {
        DayKey k = dayKey;
        if (k == null || !k.day().equals(day)) {
            Hashing h = HASHING.get();
            byte[] date = h.hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
            k = new DayKey(day, h.hmac(h.hmac(h.hmac(date, region), "s3"), "aws4_request"));
            dayKey = k;
        }
        return k.key();
    }

    /** One thread's SHA-256 and HMAC-SHA256 instances: looking them up costs more than hashing a URL. */
    private static final ThreadLocal<Hashing> HASHING = ThreadLocal.withInitial(Hashing::new);

    private static final class Hashing {
        final MessageDigest sha256;
        final Mac mac;
        /** The key {@link #mac} holds: a playlist's URLs share one signing key, so the MAC is keyed once for all of them. */
        private byte[] macKey;

        Hashing() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
                mac = Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 and HmacSHA256 are part of every Java runtime", e);
            }
        }

        byte[] hmac(byte[] key, String data) {
            return hmac(key, data.getBytes(StandardCharsets.UTF_8));
        }

        /** The HMAC of {@code parts} one after the other. */
        byte[] hmac(byte[] key, byte[]... parts) {
            if (key != macKey) {
                try {
                    mac.init(new SecretKeySpec(key, "HmacSHA256"));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("an HMAC key of any length is valid", e);
                }
                macKey = key;
            }
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        }

        /** Lower-case hex of {@code bytes} as ASCII bytes. */
        byte[] hex(byte[] bytes) {
            byte[] out = new byte[bytes.length * 2];
            for (int i = 0; i < bytes.length; i++) {
                out[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 15];
                out[2 * i + 1] = HEX_DIGITS[bytes[i] & 15];
            }
            return out;
        }
    }

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** An object key's path: each part encoded, the slashes kept (a key of unreserved characters, as ours are, as it is). */
    private static String encodePath(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c == '/' || unreserved(c))) {
                return String.join(
                        "/",
                        Arrays.stream(key.split("/", -1))
                                .map(SharedGetSigner::encode)
                                .toList());
            }
        }
        return key;
    }

    private static boolean unreserved(int c) {
        return c >= 'A' && c <= 'Z'
                || c >= 'a' && c <= 'z'
                || c >= '0' && c <= '9'
                || c == '-'
                || c == '_'
                || c == '.'
                || c == '~';
    }

    /** RFC 3986 encoding as Signature Version 4 wants it: unreserved characters as they are, every other byte %XX. */
    static String encode(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(bytes.length + 8);
        for (byte value : bytes) {
            int c = value & 0xff;
            if (unreserved(c)) {
                b.append((char) c);
            } else {
                b.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }
}
