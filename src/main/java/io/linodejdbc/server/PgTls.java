package io.linodejdbc.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The server side of TLS, from PEM files and the JDK alone: a certificate (chain) and its
 * PKCS#8 private key, RSA or EC.
 */
final class PgTls {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final char[] STORE_PASSWORD = "linode-jdbc".toCharArray();

  private final SSLSocketFactory factory;
  private final String subject;

  private PgTls(SSLSocketFactory factory, String subject) {
    this.factory = factory;
    this.subject = subject;
  }

  /** A start-up problem with the TLS files; its message is meant for the user as it is. */
  static final class TlsSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    TlsSetupException(String message) {
      super(message);
    }
  }

  /**
   * Loads the certificate chain and key.
   *
   * @throws TlsSetupException naming the file and what is wrong with it
   */
  static PgTls load(Path certFile, Path keyFile) throws TlsSetupException {
    List<X509Certificate> chain = certificates(certFile);
    PrivateKey key = privateKey(keyFile);
    checkPair(chain.get(0), key, certFile, keyFile);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", key, STORE_PASSWORD, chain.toArray(new Certificate[0]));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, STORE_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, new SecureRandom());
      return new PgTls(context.getSocketFactory(),
          chain.get(0).getSubjectX500Principal().getName());
    } catch (GeneralSecurityException | IOException e) {
      throw new TlsSetupException("cannot set up TLS with " + certFile + " and " + keyFile
          + ": the JDK does not accept this certificate and key for TLS");
    }
  }

  /** The certificate's subject, for the log. */
  String subject() {
    return subject;
  }

  /**
   * Turns an accepted connection into a TLS one (after the 'S' answer to SSLRequest) and
   * completes the handshake under the socket's current timeout.
   */
  SSLSocket wrap(Socket plain) throws IOException {
    SSLSocket s = (SSLSocket) factory.createSocket(plain, null, plain.getPort(), true);
    s.setUseClientMode(false);
    s.setSoTimeout(plain.getSoTimeout());
    s.startHandshake();
    return s;
  }

  private static String read(Path file, String what) throws TlsSetupException {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new TlsSetupException(what + " " + file + " does not exist");
    } catch (AccessDeniedException e) {
      throw new TlsSetupException(what + " " + file + " is not readable");
    } catch (IOException e) {
      throw new TlsSetupException("cannot read " + what + " " + file + ": " + e.getMessage());
    } catch (RuntimeException e) { // malformed input: not a text PEM file
      throw new TlsSetupException(what + " " + file + " is not a PEM text file");
    }
  }

  private static List<X509Certificate> certificates(Path file) throws TlsSetupException {
    String text = read(file, "--tls-cert file");
    List<X509Certificate> chain = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    CertificateFactory cf;
    try {
      cf = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("this JDK has no X.509 support", e);
    }
    while (m.find()) {
      if (!m.group(1).equals("CERTIFICATE")) {
        continue;
      }
      byte[] der = decode(m.group(2), file);
      try {
        chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
      } catch (CertificateException e) {
        throw new TlsSetupException("--tls-cert file " + file + " holds a certificate (number "
            + (chain.size() + 1) + ") that is not valid X.509");
      }
    }
    if (chain.isEmpty()) {
      throw new TlsSetupException("--tls-cert file " + file + " holds no PEM certificate"
          + " (-----BEGIN CERTIFICATE-----)");
    }
    return chain;
  }

  private static PrivateKey privateKey(Path file) throws TlsSetupException {
    String text = read(file, "--tls-key file");
    Matcher m = BLOCK.matcher(text);
    String convert = "; convert it with: openssl pkcs8 -topk8 -nocrypt -in " + file
        + " -out key-pkcs8.pem";
    while (m.find()) {
      String type = m.group(1);
      switch (type) {
      case "PRIVATE KEY" -> {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(decode(m.group(2), file));
        for (String algorithm : List.of("RSA", "EC")) {
          try {
            return KeyFactory.getInstance(algorithm).generatePrivate(spec);
          } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
            // try the next algorithm
          }
        }
        throw new TlsSetupException("--tls-key file " + file + " holds a PKCS#8 key that is"
            + " neither RSA nor EC");
      }
      case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw new TlsSetupException("--tls-key file "
          + file + " holds an " + type.replace(" PRIVATE KEY", "") + " key in the traditional"
          + " form (-----BEGIN " + type + "-----); the server needs PKCS#8 (-----BEGIN PRIVATE"
          + " KEY-----)" + convert);
      case "ENCRYPTED PRIVATE KEY" -> throw new TlsSetupException("--tls-key file " + file
          + " holds an encrypted key; the server needs an unencrypted PKCS#8 key (-----BEGIN"
          + " PRIVATE KEY-----)" + convert);
      default -> {
        // a certificate or parameters beside the key: skip
      }
      }
    }
    throw new TlsSetupException("--tls-key file " + file + " holds no PEM private key"
        + " (-----BEGIN PRIVATE KEY-----)");
  }

  private static byte[] decode(String base64, Path file) throws TlsSetupException {
    try {
      return Base64.getMimeDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new TlsSetupException(file + " holds a PEM block that is not valid base64");
    }
  }

  /** Signs a probe with the key and verifies it with the certificate's public key. */
  private static void checkPair(X509Certificate cert, PrivateKey key, Path certFile, Path keyFile)
      throws TlsSetupException {
    String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    byte[] probe = "linode-jdbc TLS key check".getBytes(StandardCharsets.US_ASCII);
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      matches = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      matches = false;
    }
    if (!matches) {
      throw new TlsSetupException("the key in " + keyFile + " does not belong to the first"
          + " certificate in " + certFile);
    }
  }
}
