package dev.ossemu.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The per-thread Mac gives what a fresh Mac gives, whatever the order of keys and threads. */
class HmacTest {
  private static byte[] fresh(String algorithm, byte[] key, byte[] data) throws Exception {
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(key, algorithm));
    return mac.doFinal(data);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void alternatingKeysEachGetTheirOwnMac() throws Exception {
    String[] keys = {"sk", "sk", "other-secret", "sk", "", "sk"};
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].isEmpty()) {
        continue; // an empty key is refused by SecretKeySpec, before and after the cache
      }
      byte[] data = utf8("GET\n\n\nDate " + i + "\n/bucket/");
      assertThat(Hmac.sha1(utf8(keys[i]), data)).isEqualTo(fresh("HmacSHA1", utf8(keys[i]), data));
      assertThat(Hmac.sha256(utf8(keys[i]), data))
          .isEqualTo(fresh("HmacSHA256", utf8(keys[i]), data));
    }
  }

  @Test
  void aKeyChangedInPlaceAfterUseIsNotMistakenForTheCachedOne() throws Exception {
    byte[] key = utf8("secret-1");
    byte[] data = utf8("x");
    Hmac.sha1(key, data);
    key[7] = '2';
    assertThat(Hmac.sha1(key, data)).isEqualTo(fresh("HmacSHA1", utf8("secret-2"), data));
  }

  @Test
  void threadsSigningWithDifferentSecretsDoNotMix() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?>[] work = new Future<?>[8];
      for (int t = 0; t < work.length; t++) {
        byte[] key = utf8("secret-" + (t % 3));
        work[t] =
            pool.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    byte[] data = utf8("message " + i);
                    assertThat(Hmac.sha1(key, data)).isEqualTo(fresh("HmacSHA1", key, data));
                  }
                  return null;
                });
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
