package dev.gameday.azure.sign;

import com.azure.core.exception.AzureException;
import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import com.azure.security.keyvault.keys.cryptography.CryptographyClientBuilder;
import com.azure.security.keyvault.keys.cryptography.CryptographyServiceVersion;
import com.azure.security.keyvault.keys.cryptography.models.SignatureAlgorithm;
import com.azure.security.keyvault.keys.models.JsonWebKey;
import com.azure.security.keyvault.keys.models.KeyCurveName;
import com.azure.security.keyvault.keys.models.KeyType;
import com.azure.security.keyvault.keys.models.KeyVaultKey;
import dev.gameday.azure.connection.AzureConnection;
import dev.gameday.core.digest.Sha256;
import dev.gameday.core.port.EvidenceSigner;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.PublicKey;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;

/**
 * Signs evidence with an EC P-256 key in Azure Key Vault, through the vault's {@code sign}
 * operation ({@code ES256} over the SHA-256 of the data): the private key never leaves the vault.
 * The credential and HTTP client are the ARM connection's. Key Vault answers with the JWS form of
 * the signature (R and S); it is re-encoded as DER, which {@code openssl dgst -verify} checks.
 * The key is read once when the signer opens, so a wrong URL or a missing permission is found
 * before a run starts.
 */
public final class KeyVaultSigner implements EvidenceSigner {
  private static final int COORDINATE = 32;

  private final CryptographyClient client;
  private final Key key;

  private KeyVaultSigner(CryptographyClient client, Key key) {
    this.client = client;
    this.key = key;
  }

  /**
   * Opens the key at {@code keyUrl} ({@code https://VAULT/keys/NAME[/VERSION]}; without a version,
   * the current one, which is then pinned).
   */
  public static KeyVaultSigner open(URI keyUrl, AzureConnection connection) {
    try {
      KeyVaultKey found = builder(keyUrl.toString(), connection).buildClient().getKey();
      JsonWebKey jwk = found.getKey();
      if (!KeyType.EC.equals(jwk.getKeyType()) && !KeyType.EC_HSM.equals(jwk.getKeyType())
          || !KeyCurveName.P_256.equals(jwk.getCurveName())) {
        throw new SigningException(keyUrl + ": a " + jwk.getKeyType() + " key"
            + (jwk.getCurveName() == null ? "" : " on " + jwk.getCurveName())
            + "; Gameday signs evidence with an EC P-256 key (ES256)");
      }
      PublicKey publicKey = jwk.toEc().getPublic();
      String kid = jwk.getId();
      return new KeyVaultSigner(builder(kid, connection).buildClient(),
          new Key("keyVault", kid, "ES256", publicKey));
    } catch (AzureException | IllegalArgumentException | IllegalStateException e) {
      throw new SigningException(keyUrl + ": cannot use the Key Vault key: "
          + firstLine(e.getMessage()), e);
    }
  }

  private static CryptographyClientBuilder builder(String keyId, AzureConnection connection) {
    CryptographyClientBuilder b = new CryptographyClientBuilder()
        .keyIdentifier(keyId)
        .credential(connection.credential())
        .httpClient(connection.httpClient())
        .serviceVersion(CryptographyServiceVersion.V7_5);
    if (connection.local()) {
      // The local sandbox vault is 127.0.0.1, not a *.vault.azure.net host.
      b.disableChallengeResourceVerification();
    }
    return b;
  }

  @Override
  public Key key() {
    return key;
  }

  @Override
  public byte[] sign(byte[] data) {
    byte[] digest = Sha256.digest().digest(data);
    byte[] jws;
    try {
      jws = client.sign(SignatureAlgorithm.ES256, digest).getSignature();
    } catch (AzureException | IllegalStateException e) {
      throw new SigningException(key.id() + ": Key Vault could not sign: "
          + firstLine(e.getMessage()), e);
    }
    if (jws == null || jws.length != 2 * COORDINATE) {
      throw new SigningException(key.id() + ": Key Vault returned a signature of "
          + (jws == null ? 0 : jws.length) + " bytes, expected 64 (ES256)");
    }
    try {
      return new DERSequence(new ASN1Encodable[] {
          new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(jws, 0, COORDINATE))),
          new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(jws, COORDINATE, jws.length)))})
          .getEncoded();
    } catch (IOException e) {
      throw new SigningException(key.id() + ": cannot encode the signature", e);
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
