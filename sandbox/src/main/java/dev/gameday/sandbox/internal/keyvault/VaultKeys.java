package dev.gameday.sandbox.internal.keyvault;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The keys of the sandbox's vault: EC P-256 key pairs made when the sandbox starts, one version
 * each. Signing takes a SHA-256 digest and returns the JWS form of an ECDSA signature (R and S,
 * 32 bytes each), as Key Vault does for {@code ES256}. The private keys never leave this class.
 */
public final class VaultKeys {
  /** The key the sandbox's experiments sign evidence with. */
  public static final String EVIDENCE_KEY = "gameday-evidence";
  private static final int COORDINATE = 32;

  private final List<Key> keys;

  private VaultKeys(List<Key> keys) {
    this.keys = keys;
  }

  /** A vault holding a fresh key for each name. */
  public static VaultKeys generate(String... names) {
    return new VaultKeys(Arrays.stream(names).map(Key::generate).toList());
  }

  Key find(String name, String version) {
    for (Key k : keys) {
      if (k.name.equals(name) && (version == null || k.version.equals(version))) {
        return k;
      }
    }
    return null;
  }

  /** One key version. */
  static final class Key {
    private final String name;
    private final String version;
    private final KeyPair pair;
    private final long created;

    private Key(String name, String version, KeyPair pair, long created) {
      this.name = name;
      this.version = version;
      this.pair = pair;
      this.created = created;
    }

    static Key generate(String name) {
      try {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] v = new byte[16];
        ThreadLocalRandom.current().nextBytes(v);
        return new Key(name, HexFormat.of().formatHex(v), g.generateKeyPair(),
            Instant.now().getEpochSecond());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK cannot make P-256 keys", e);
      }
    }

    String kid(String baseUrl) {
      return baseUrl + "/keys/" + name + "/" + version;
    }

    /** The key bundle: examples/GetKey-example.json, with an EC JSON Web Key (RFC 7518 6.2). */
    ObjectNode bundle(ObjectMapper mapper, String baseUrl) {
      ECPublicKey pub = (ECPublicKey) pair.getPublic();
      ObjectNode root = mapper.createObjectNode();
      ObjectNode key = root.putObject("key");
      key.put("kid", kid(baseUrl));
      key.put("kty", "EC");
      key.putArray("key_ops").add("sign").add("verify");
      key.put("crv", "P-256");
      key.put("x", b64(fixed(pub.getW().getAffineX())));
      key.put("y", b64(fixed(pub.getW().getAffineY())));
      root.putObject("attributes").put("enabled", true).put("created", created)
          .put("updated", created).put("recoveryLevel", "Recoverable+Purgeable");
      return root;
    }

    String sign(String alg, String digest) {
      requireEs256(alg);
      try {
        Signature s = Signature.getInstance("NONEwithECDSAinP1363Format");
        s.initSign(pair.getPrivate());
        s.update(digest(digest));
        return b64(s.sign());
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("cannot sign: " + e.getMessage(), e);
      }
    }

    boolean verify(String alg, String digest, String signature) {
      requireEs256(alg);
      try {
        Signature s = Signature.getInstance("NONEwithECDSAinP1363Format");
        s.initVerify(pair.getPublic());
        s.update(digest(digest));
        return s.verify(Base64.getUrlDecoder().decode(signature));
      } catch (GeneralSecurityException e) {
        return false;
      }
    }

    private static void requireEs256(String alg) {
      if (!alg.equals("ES256")) {
        throw new IllegalArgumentException("Invalid algorithm " + alg + " for an EC P-256 key;"
            + " use ES256");
      }
    }

    private static byte[] digest(String value) {
      byte[] d = Base64.getUrlDecoder().decode(value);
      if (d.length != COORDINATE) {
        throw new IllegalArgumentException("ES256 takes a SHA-256 digest (32 bytes), not "
            + d.length + " bytes");
      }
      return d;
    }

    private static byte[] fixed(BigInteger n) {
      byte[] raw = n.toByteArray();
      byte[] out = new byte[COORDINATE];
      int len = Math.min(raw.length, COORDINATE);
      System.arraycopy(raw, raw.length - len, out, COORDINATE - len, len);
      return out;
    }

    private static String b64(byte[] bytes) {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
  }
}
