package io.tailguard.broker.ibkr.wire;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Framing of the TWS API: every message after the {@code API\0} hello is a 4-byte big-endian byte
 * count followed by that many bytes of NUL-terminated fields.
 */
public final class FrameCodec {
    /** Frames larger than this are a protocol error (TWS caps messages well below it). */
    public static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

    /** The first bytes a client sends, before the version range. */
    public static final byte[] HELLO_PREFIX = "API\0".getBytes(StandardCharsets.US_ASCII);

    private FrameCodec() {
    }

    /** Reads one frame; returns null on a clean end of stream before the length. */
    public static byte[] readFrame(InputStream in) throws IOException {
        DataInputStream data = in instanceof DataInputStream d ? d : new DataInputStream(in);
        int b0 = data.read();
        if (b0 < 0) {
            return null;
        }
        int length = (b0 << 24) | (data.readUnsignedByte() << 16) | (data.readUnsignedByte() << 8)
                | data.readUnsignedByte();
        if (length < 0 || length > MAX_FRAME_BYTES) {
            throw new IOException("frame length out of range: " + length);
        }
        byte[] payload = new byte[length];
        try {
            data.readFully(payload);
        } catch (EOFException e) {
            throw new EOFException("stream ended inside a frame of " + length + " bytes");
        }
        return payload;
    }

    /** Writes the length prefix and the payload as one buffer, so a frame is never split between writers. */
    public static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        out.write(frame(payload));
        out.flush();
    }

    /** The bytes of one frame: length prefix and payload. */
    public static byte[] frame(byte[] payload) {
        byte[] framed = new byte[payload.length + 4];
        int n = payload.length;
        framed[0] = (byte) (n >>> 24);
        framed[1] = (byte) (n >>> 16);
        framed[2] = (byte) (n >>> 8);
        framed[3] = (byte) n;
        System.arraycopy(payload, 0, framed, 4, n);
        return framed;
    }

    /** The client's opening bytes: {@code API\0} then a frame with the version range (no trailing NUL). */
    public static byte[] clientHello(int minVersion, int maxVersion, String connectOptions) {
        String range = "v" + minVersion + ".." + maxVersion
                + (connectOptions == null || connectOptions.isBlank() ? "" : " " + connectOptions);
        byte[] framed = frame(range.getBytes(StandardCharsets.US_ASCII));
        byte[] all = new byte[HELLO_PREFIX.length + framed.length];
        System.arraycopy(HELLO_PREFIX, 0, all, 0, HELLO_PREFIX.length);
        System.arraycopy(framed, 0, all, HELLO_PREFIX.length, framed.length);
        return all;
    }
}
