package dev.gameday.core.digest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lowercase hex: of bytes, of a byte range, of a file (streamed). */
public final class Sha256 {
  private Sha256() {}

  /** A fresh SHA-256 digest; every JDK has one. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  public static String hex(byte[] bytes) {
    return hex(bytes, 0, bytes.length);
  }

  public static String hex(byte[] bytes, int from, int to) {
    MessageDigest md = digest();
    md.update(bytes, from, to - from);
    return HexFormat.of().formatHex(md.digest());
  }

  public static String of(Path file) throws IOException {
    MessageDigest md = digest();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
