package io.linodejdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS for the PostgreSQL server: a self-signed certificate and PKCS#8 key made at test time
 * (openssl, or keytool when openssl is missing), pgJDBC and psql over TLS, clear text still on
 * loopback, {@code --require-tls}, the non-loopback rule and clear errors for bad files.
 */
class PgTlsTest {
  private static final Path DIR = Path.of("target", "pg-tls-test");
  private static Path cert;
  private static Path key;
  /** A second key pair: its key does not belong to {@link #cert}. */
  private static Path otherKey;
  private static boolean openssl;
  private static PgServerMain.Running tls;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(DIR);
    cert = DIR.resolve("cert.pem").toAbsolutePath();
    key = DIR.resolve("key.pem").toAbsolutePath();
    otherKey = DIR.resolve("other-key.pem").toAbsolutePath();
    openssl = onPath("openssl");
    if (openssl) {
      selfSignedWithOpenssl(cert, key);
      selfSignedWithOpenssl(DIR.resolve("other-cert.pem").toAbsolutePath(), otherKey);
    } else {
      boolean keytool = onPath("keytool");
      if (!keytool && System.getenv("CI") != null) {
        Assertions.fail("neither openssl nor keytool is installed; CI must provide one");
      }
      Assumptions.assumeTrue(keytool, "neither openssl nor keytool is installed: test skipped");
      selfSignedWithKeytool(cert, key, "a");
      selfSignedWithKeytool(DIR.resolve("other-cert.pem").toAbsolutePath(), otherKey, "b");
    }
    assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
    tls = serve("--serve", "0", "--sandbox", "--tls-cert", cert.toString(), "--tls-key",
        key.toString());
  }

  @AfterAll
  static void stop() {
    if (tls != null) {
      tls.close();
    }
  }

  // ------------------------------------------------------------------------------ clients

  @Test
  void pgJdbcOverTlsVerifyingTheCertificate() throws Exception {
    String url = url(tls) + "?ssl=true&sslmode=verify-ca&sslrootcert=" + cert;
    assertThat(count(url, tls.sandboxPassword())).isPositive();
  }

  @Test
  void pgJdbcOverTlsWithoutVerification() throws Exception {
    String url = url(tls) + "?ssl=true&sslmode=require"
        + "&sslfactory=org.postgresql.ssl.NonValidatingFactory";
    assertThat(count(url, tls.sandboxPassword())).isPositive();
  }

  @Test
  void pgJdbcVerifyingAgainstAnotherCertificateFails() {
    // proof that the session above really was TLS with our certificate: another root refuses it
    String url = url(tls) + "?ssl=true&sslmode=verify-ca&sslrootcert="
        + DIR.resolve("other-cert.pem").toAbsolutePath();
    assertThatThrownBy(() -> count(url, tls.sandboxPassword())).isInstanceOf(SQLException.class);
  }

  @Test
  void clearTextStillWorksOnLoopback() throws Exception {
    assertThat(count(url(tls) + "?sslmode=disable", tls.sandboxPassword())).isPositive();
  }

  @Test
  void psqlWithSslmodeRequire() {
    ExternalClients.Result r = psql(tls, "require", "\\conninfo",
        "SELECT id, label FROM personal_access_tokens WHERE id IN (1, 2) ORDER BY id");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("SSL connection (protocol: TLSv1.");
    assertThat(r.out()).contains("id|label\n1|linode-sql\n2|ci-deploy\n(2 rows)");
  }

  @Test
  void psqlWithSslmodeDisableHasNoTls() {
    ExternalClients.Result r = psql(tls, "disable", "\\conninfo", "SELECT 1 AS one");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("SSL connection").contains("one\n1");
  }

  // ------------------------------------------------------------------------- raw protocol

  @Test
  void sslRequestIsAnsweredSAndTheStartupFollowsInsideTls() throws Exception {
    try (Socket plain = new Socket("127.0.0.1", tls.server().port())) {
      plain.setSoTimeout(30_000);
      DataOutputStream out = new DataOutputStream(plain.getOutputStream());
      DataInputStream in = new DataInputStream(plain.getInputStream());
      out.writeInt(8);
      out.writeInt(PgSession.GSSENC_REQUEST);
      out.flush();
      assertThat((char) in.readByte()).isEqualTo('N');
      out.writeInt(8);
      out.writeInt(PgSession.SSL_REQUEST);
      out.flush();
      assertThat((char) in.readByte()).isEqualTo('S');
      SSLSocket s = (SSLSocket) trusting(cert).getSocketFactory().createSocket(plain, "127.0.0.1",
          plain.getPort(), true);
      s.startHandshake();
      assertThat(s.getSession().getProtocol()).startsWith("TLSv1.");
      DataOutputStream tout = new DataOutputStream(s.getOutputStream());
      byte[] params = "user\0me\0database\0linode\0\0".getBytes(StandardCharsets.US_ASCII);
      tout.writeInt(8 + params.length);
      tout.writeInt(PgSession.PROTOCOL_3_0);
      tout.write(params);
      tout.flush();
      DataInputStream tin = new DataInputStream(s.getInputStream());
      assertThat((char) tin.readByte()).isEqualTo('R'); // asks for the password, inside TLS
      tin.readInt();
      assertThat(tin.readInt()).isEqualTo(3); // AuthenticationCleartextPassword
    }
  }

  @Test
  void withoutTlsSslRequestIsAnsweredN() throws Exception {
    try (PgServerMain.Running plain = serve("--serve", "0", "--sandbox");
         Socket s = new Socket("127.0.0.1", plain.server().port())) {
      s.setSoTimeout(30_000);
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.writeInt(8);
      out.writeInt(PgSession.SSL_REQUEST);
      out.flush();
      assertThat((char) s.getInputStream().read()).isEqualTo('N');
      assertThatThrownBy(() -> count(url(plain) + "?sslmode=require", plain.sandboxPassword()))
          .isInstanceOf(SQLException.class).hasMessageContaining("SSL");
    }
  }

  // ------------------------------------------------------------------------- start-up rules

  @Test
  void requireTlsRefusesClearTextWith28000() throws Exception {
    try (PgServerMain.Running strict = serve("--serve", "0", "--sandbox", "--tls-cert",
        cert.toString(), "--tls-key", key.toString(), "--require-tls")) {
      assertThatThrownBy(() -> count(url(strict) + "?sslmode=disable", strict.sandboxPassword()))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("28000");
            assertThat(e.getMessage()).contains("requires TLS");
          });
      assertThat(count(url(strict) + "?sslmode=verify-ca&sslrootcert=" + cert,
          strict.sandboxPassword())).isPositive();
    }
  }

  @Test
  void nonLoopbackWithoutTlsIsRefusedAtStart() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PgServerMain.Running r = start(err, "--serve", "0.0.0.0:0", "--sandbox");
    assertThat(r).isNull();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to listen on 0.0.0.0")
        .contains("clear-text password").contains("--tls-cert").doesNotContain("Exception");
  }

  @Test
  void nonLoopbackWithTlsStarts() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PgServerMain.Running r = start(err, "--serve", "0.0.0.0:0", "--sandbox", "--tls-cert",
        cert.toString(), "--tls-key", key.toString())) {
      assertThat(r).as(err.toString(StandardCharsets.UTF_8)).isNotNull();
      assertThat(r.server().host()).isEqualTo("0.0.0.0");
      assertThat(count("jdbc:postgresql://127.0.0.1:" + r.server().port()
          + "/linode?sslmode=verify-ca&sslrootcert=" + cert, r.sandboxPassword())).isPositive();
    }
  }

  @Test
  void flagsAreChecked() {
    assertThatThrownBy(() -> PgServerMain.start(new String[] {"--serve", "0", "--tls-cert",
        cert.toString()}, System.out, System.err)).hasMessageContaining("go together");
    assertThatThrownBy(() -> PgServerMain.start(new String[] {"--serve", "0", "--require-tls"},
        System.out, System.err)).hasMessageContaining("--require-tls needs --tls-cert");
  }

  @Test
  void badFilesGiveOneClearError() throws Exception {
    Path missing = DIR.resolve("missing.pem").toAbsolutePath();
    assertBadFiles(missing, key, "--tls-cert file " + missing + " does not exist");
    assertBadFiles(key, key, "holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    assertBadFiles(cert, cert, "holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    assertBadFiles(cert, otherKey, "does not belong to the first certificate in " + cert);

    Path garbage = DIR.resolve("garbage.pem").toAbsolutePath();
    Files.writeString(garbage, "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n"
        + "-----END CERTIFICATE-----\n");
    assertBadFiles(garbage, key, "holds a certificate (number 1) that is not valid X.509");

    Path traditional = DIR.resolve("rsa-traditional.pem").toAbsolutePath();
    if (openssl) {
      run(List.of("openssl", "rsa", "-in", key.toString(), "-traditional", "-out",
          traditional.toString()));
      assertThat(Files.readString(traditional)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    } else { // keytool writes no key files; the label alone decides this refusal
      Files.writeString(traditional, Files.readString(key).replace("PRIVATE KEY", "RSA PRIVATE KEY"));
    }
    assertBadFiles(cert, traditional, "(-----BEGIN RSA PRIVATE KEY-----); the server needs PKCS#8"
        + " (-----BEGIN PRIVATE KEY-----); convert it with: openssl pkcs8 -topk8 -nocrypt");
  }

  @Test
  void anEcKeyWorks() throws Exception {
    Assumptions.assumeTrue(openssl, "openssl is not installed: EC key test skipped");
    Path ecCert = DIR.resolve("ec-cert.pem").toAbsolutePath();
    Path ecKey = DIR.resolve("ec-key.pem").toAbsolutePath();
    run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
        "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", ecKey.toString(), "-out",
        ecCert.toString(), "-days", "2", "-subj", "/CN=localhost"));
    // a chain: the server certificate followed by another one, as a CA bundle would be
    Path chain = DIR.resolve("ec-chain.pem").toAbsolutePath();
    Files.writeString(chain, Files.readString(ecCert) + Files.readString(cert));
    try (PgServerMain.Running r = serve("--serve", "0", "--sandbox", "--tls-cert",
        chain.toString(), "--tls-key", ecKey.toString())) {
      assertThat(count(url(r) + "?sslmode=verify-ca&sslrootcert=" + ecCert, r.sandboxPassword()))
          .isPositive();
    }
  }

  // -------------------------------------------------------------------------------- helpers

  private static void assertBadFiles(Path certFile, Path keyFile, String expected) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PgServerMain.Running r = start(err, "--serve", "0", "--sandbox", "--tls-cert",
        certFile.toString(), "--tls-key", keyFile.toString());
    if (r != null) {
      r.close();
    }
    assertThat(r).isNull(); // main exits with EXIT_FAILED (2)
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(text.lines().toList()).hasSize(1);
    assertThat(text).startsWith("linode-sql: ").contains(expected).doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  private static PgServerMain.Running start(ByteArrayOutputStream err, String... args) {
    try {
      return PgServerMain.start(args, new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(err, true, StandardCharsets.UTF_8));
    } catch (PgServerMain.UsageException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static PgServerMain.Running serve(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PgServerMain.Running r = start(err, args);
    assertThat(r).as(err.toString(StandardCharsets.UTF_8)).isNotNull();
    return r;
  }

  private static String url(PgServerMain.Running r) {
    return "jdbc:postgresql://127.0.0.1:" + r.server().port() + "/linode";
  }

  private static int count(String url, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "me");
    p.setProperty("password", password);
    p.setProperty("connectTimeout", "60");
    try (Connection c = DriverManager.getConnection(url, p);
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM personal_access_tokens")) {
      assertThat(rs.next()).isTrue();
      return rs.getInt(1);
    }
  }

  private static ExternalClients.Result psql(PgServerMain.Running r, String sslmode,
      String... commands) {
    Path psql = ExternalClients.psql();
    List<String> cmd = new ArrayList<>(List.of(psql.toString(), "-X", "-q", "-A",
        "-h", "127.0.0.1", "-p", Integer.toString(r.server().port()), "-U", "analyst",
        "-d", "linode", "-v", "ON_ERROR_STOP=1"));
    for (String c : commands) {
      cmd.add("-c");
      cmd.add(c);
    }
    return ExternalClients.run(cmd, Map.of("PGPASSWORD", r.sandboxPassword(), "PGSSLMODE",
        sslmode, "PGCONNECT_TIMEOUT", "120"), 120);
  }

  private static SSLContext trusting(Path certFile) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(certFile)) {
      trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509")
          .generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(
        TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext c = SSLContext.getInstance("TLS");
    c.init(null, tmf.getTrustManagers(), null);
    return c;
  }

  private static void selfSignedWithOpenssl(Path certFile, Path keyFile) throws IOException {
    run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
        keyFile.toString(), "-out", certFile.toString(), "-days", "2", "-subj", "/CN=localhost",
        "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"));
  }

  /** keytool makes the pair in a PKCS#12 store; the PEM files are written from it here. */
  private static void selfSignedWithKeytool(Path certFile, Path keyFile, String name)
      throws Exception {
    Path store = DIR.resolve("keytool-" + name + ".p12").toAbsolutePath();
    Files.deleteIfExists(store);
    run(List.of("keytool", "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize",
        "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost",
        "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit"));
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    Key k = ks.getKey("server", "changeit".toCharArray());
    Certificate c = ks.getCertificate("server");
    Files.writeString(keyFile, pem("PRIVATE KEY", k.getEncoded()));
    Files.writeString(certFile, pem("CERTIFICATE", c.getEncoded()));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static void run(List<String> command) {
    ExternalClients.Result r = ExternalClients.run(command, Map.of(), 120);
    assertThat(r.exitCode()).as(String.join(" ", command) + ": " + r.err()).isZero();
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
