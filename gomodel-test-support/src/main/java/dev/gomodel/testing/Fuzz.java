package dev.gomodel.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Seeded random damage to byte inputs for the decoder fuzz tests: bit flips, bytes and tokens
 * that trouble decoders (NUL, invalid UTF-8, brackets, quotes, out-of-range numbers) inserted or
 * overwritten, ranges deleted or duplicated, cuts. Every case has its own seed, printed on
 * failure, so one case can be replayed alone.
 *
 * <p>The number of cases per test defaults to a bound that keeps the suite fast and can be raised
 * for a long local run with {@code -Dgomodel.fuzz.cases=100000} (together with
 * {@code -Djunit.jupiter.execution.timeout.mode=disabled}).
 *
 * <p>Event-stream tokens are among them, so the same damage serves the SSE decoders;
 * {@link #pieces} re-chunks an input at random points.
 */
public final class Fuzz {

    /** The base seed; case {@code i} uses {@code SEED + i}. */
    public static final long SEED = 0x5EED_2024L;

    private static final byte[][] TOKENS = {
            {0}, {0, 0}, {(byte) 0xC3, '('}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xFF}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
            utf8("{"), utf8("}"), utf8("["), utf8("]"), utf8("\""), utf8(","), utf8(":"), utf8("\\"), utf8("\\u"),
            utf8("\\ud800"), utf8("\\u0000"), utf8("null"), utf8("true"), utf8("-0"), utf8("1e999"),
            utf8("-1e999"), utf8("1e-999"), utf8("99999999999999999999"), utf8("2147483648"), utf8("1.5"),
            utf8("\"\""), utf8("[]"), utf8("{}"), utf8("{\"a\":"), utf8("\n"), utf8("\r\n"), utf8("\t"),
            utf8("\u00e9"), utf8("\ud83c\udf0d"), utf8("\"type\":\"text\","), utf8("\"choices\":"),
            utf8("\r"), utf8("\n\n"), utf8("\ndata: "), utf8("data: [DONE]\n\n"), utf8("event: error\n"),
            utf8(": ping\n"), utf8("\"type\":\"error\","), utf8("\"error\":{\"message\":\"m\"},"),
    };

    private Fuzz() {
    }

    /** How many cases a fuzz test runs: {@code defaultCases}, or {@code -Dgomodel.fuzz.cases}. */
    public static int cases(int defaultCases) {
        return Integer.getInteger("gomodel.fuzz.cases", defaultCases);
    }

    /**
     * The random source of case {@code index}. (A {@link SplittableRandom} because
     * {@code java.util.Random}'s first values from consecutive seeds are far from uniform.)
     */
    public static RandomGenerator random(int index) {
        return new SplittableRandom(SEED + index);
    }

    /** {@code seed} with one to four random changes. */
    public static byte[] mutate(byte[] seed, RandomGenerator random) {
        byte[] bytes = seed;
        for (int changes = 1 + random.nextInt(4); changes > 0; changes--) {
            bytes = mutateOnce(bytes, random);
        }
        return bytes;
    }

    private static byte[] mutateOnce(byte[] bytes, RandomGenerator random) {
        int at = random.nextInt(bytes.length + 1);
        switch (random.nextInt(7)) {
            case 0 -> {
                if (at == bytes.length) {
                    return bytes;
                }
                byte[] flipped = bytes.clone();
                flipped[at] ^= (byte) (1 << random.nextInt(8));
                return flipped;
            }
            case 1 -> {
                byte[] token = TOKENS[random.nextInt(TOKENS.length)];
                return splice(bytes, at, at, token);
            }
            case 2 -> {
                byte[] token = TOKENS[random.nextInt(TOKENS.length)];
                return splice(bytes, at, Math.min(bytes.length, at + token.length), token);
            }
            case 3 -> {
                return splice(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(8)), new byte[0]);
            }
            case 4 -> {
                int from = random.nextInt(bytes.length + 1);
                int to = Math.min(bytes.length, from + 1 + random.nextInt(32));
                return splice(bytes, at, at, Arrays.copyOfRange(bytes, from, to));
            }
            case 5 -> {
                return Arrays.copyOf(bytes, at);
            }
            default -> {
                byte[] changed = bytes.clone();
                if (at < bytes.length) {
                    changed[at] = (byte) random.nextInt(256);
                }
                return changed;
            }
        }
    }

    private static final String[] NUMBERS = {"0", "-0", "7", "-12", "1.5", "-0.000", "1E+2", "2.5e-7",
        "3.14159265358979323846264338327950288", "123456789012345678901234567890", "9223372036854775808"};
    private static final String[] STRING_PARTS = {"a", "Z", " ", "\u00e9", "\u65e5", "\ud83c\udf0d", "\\n", "\\t",
        "\\\"", "\\\\", "\\/", "\\u0000", "\\u001f", "\\ud800", "\\udfff", "\\u2028", "\\uD83C\\uDF0D", "type"};

    /** A random well-formed JSON value (its text), nested at most {@code depth} more levels. */
    public static String randomJson(RandomGenerator random, int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2, 3 -> NUMBERS[random.nextInt(NUMBERS.length)];
            case 4, 5 -> randomString(random);
            case 6 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.append(randomJson(random, depth - 1)).append(i > 1 ? "," : "");
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.append(randomString(random)).append(random.nextBoolean() ? ":" : " : ")
                            .append(randomJson(random, depth - 1)).append(i > 1 ? "," : "");
                }
                yield object.append('}').toString();
            }
        };
    }

    private static String randomString(RandomGenerator random) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = random.nextInt(6); i > 0; i--) {
            text.append(STRING_PARTS[random.nextInt(STRING_PARTS.length)]);
        }
        return text.append('"').toString();
    }

    /**
     * {@code bytes} cut at random points into buffers (some empty, many of one byte, so that CRLF
     * pairs and multi-byte characters are split), each a heap buffer, a direct buffer or a window
     * of a larger array whose position is not 0.
     */
    public static List<ByteBuffer> pieces(byte[] bytes, RandomGenerator random) {
        return pieces(bytes, random, 1 + random.nextInt(random.nextBoolean() ? 4 : 64));
    }

    /** Like {@link #pieces(byte[], RandomGenerator)}, in pieces of at most {@code maxPiece} bytes. */
    public static List<ByteBuffer> pieces(byte[] bytes, RandomGenerator random, int maxPiece) {
        List<ByteBuffer> pieces = new ArrayList<>();
        for (int from = 0; from < bytes.length || pieces.isEmpty();) {
            int length = Math.min(bytes.length - from, random.nextInt(maxPiece + 1));
            pieces.add(buffer(bytes, from, length, random.nextInt(3)));
            from += length;
        }
        return pieces;
    }

    private static ByteBuffer buffer(byte[] bytes, int from, int length, int kind) {
        return switch (kind) {
            case 0 -> ByteBuffer.wrap(Arrays.copyOfRange(bytes, from, from + length));
            case 1 -> ByteBuffer.allocateDirect(length).put(bytes, from, length).flip();
            default -> {
                byte[] larger = new byte[length + 10];
                System.arraycopy(bytes, from, larger, 7, length);
                yield ByteBuffer.wrap(larger, 7, length);
            }
        };
    }

    /** {@code bytes} with {@code [from, to)} replaced by {@code insert}. */
    public static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length - (to - from) + insert.length);
        out.write(bytes, 0, from);
        out.write(insert, 0, insert.length);
        out.write(bytes, to, bytes.length - to);
        return out.toByteArray();
    }

    /** {@code count} copies of {@code unit} in a row. */
    public static byte[] repeat(String unit, int count) {
        return utf8(unit.repeat(count));
    }

    /** The input as Java-escaped text, shortened, for failure messages. */
    public static String show(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 600); i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\') {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02X", b));
            }
        }
        return bytes.length > 600 ? text + "... (" + bytes.length + " bytes)" : text.toString();
    }

    public static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }
}
