package dev.ossemu.testcontainers;

import dev.ossemu.auth.SignatureV1;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.xml.ServerSideEncryptionRule;
import dev.ossemu.xml.XmlCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Creates a container's buckets as a client would: V1-signed PutBucket and PutBucketEncryption
 * requests (spec §1), so that the container needs no hook beyond its public OSS API.
 */
final class BucketSeeder {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String endpoint;
  private final String accessKeyId;
  private final String secret;

  BucketSeeder(String endpoint, String accessKeyId, String secret) {
    this.endpoint = endpoint;
    this.accessKeyId = accessKeyId;
    this.secret = secret;
  }

  void create(String bucket, EncryptionRule rule) {
    send("/" + bucket + "/", new byte[0], "");
    if (rule != null) {
      ServerSideEncryptionRule document =
          new ServerSideEncryptionRule(
              new ServerSideEncryptionRule.ApplyServerSideEncryptionByDefault(
                  rule.algorithm().name(), rule.kmsMasterKeyId(), rule.kmsDataEncryption()));
      send("/" + bucket + "/?encryption", new XmlCodec().write(document), "application/xml");
    }
  }

  private void send(String resource, byte[] body, String contentType) {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    String md5 = body.length == 0 ? "" : md5(body);
    String stringToSign = "PUT\n" + md5 + "\n" + contentType + "\n" + date + "\n" + resource;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(endpoint + resource))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Date", date)
            .header(
                "Authorization",
                "OSS " + accessKeyId + ":" + SignatureV1.sign(secret, stringToSign));
    if (!contentType.isEmpty()) {
      request.header("Content-Type", contentType).header("Content-MD5", md5);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "PUT " + resource + " answered " + response.statusCode() + ": " + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("PUT " + resource + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + resource, e);
    }
  }

  private static String md5(byte[] body) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }
}
