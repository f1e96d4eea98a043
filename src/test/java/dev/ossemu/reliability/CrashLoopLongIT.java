package dev.ossemu.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.model.AppendObjectRequest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code long.kills} (default 50) SIGKILLs of the standalone server with {@code --data-dir} while
 * two clients overwrite and delete keys and a third appends to appendable objects (written in
 * place, into the object's own data file); after each restart every key is verified: it holds its
 * last acknowledged write, or the one write to it that was in flight at the kill. Acknowledged
 * writes lost must be 0. Figures go to {@code target/reliability/crash-loop.txt}.
 */
class CrashLoopLongIT {
  private static final Pattern LISTENING =
      Pattern.compile("oss-emulator listening on (http://127\\.0\\.0\\.1:\\d+).*");
  private static final int KEYS = 40;
  private static final int APPENDED_KEYS = 4;
  private static final String DELETED = "<deleted>";

  @TempDir Path dir;

  /** Per key: the last acknowledged value and the value of a write still in flight (or null). */
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

  private final Map<String, String> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong acknowledgedWrites = new AtomicLong();

  /** Per appendable key: its acknowledged content, and that content with an append in flight. */
  private final Map<String, String> appended = new ConcurrentHashMap<>();

  private final Map<String, String> appending = new ConcurrentHashMap<>();
  private final AtomicLong acknowledgedAppends = new AtomicLong();

  @Test
  void everyAcknowledgedWriteSurvivesEveryKill() throws Exception {
    int kills = Integer.getInteger("long.kills", 50);
    Random random = new Random(42);
    long verified = 0;
    for (int cycle = 0; cycle <= kills; cycle++) {
      Process server = start();
      try {
        OSS client = client(endpoint(server));
        verified += verify(client, cycle);
        if (cycle == 0) {
          client.createBucket("crash-bucket");
        }
        if (cycle == kills) {
          client.shutdown();
          break;
        }
        AtomicBoolean stop = new AtomicBoolean();
        Thread[] writers = {
          writer(client, 0, stop), writer(client, 1, stop), appender(client, stop)
        };
        Thread.sleep(200 + random.nextInt(800));
        server.destroyForcibly(); // SIGKILL in the middle of the writes
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        stop.set(true);
        for (Thread writer : writers) {
          writer.join(20_000);
        }
        client.shutdown();
      } finally {
        server.destroyForcibly();
      }
    }
    assertThat(acknowledgedAppends.get())
        .as("appends acknowledged (the appender works)")
        .isPositive();
    Path report = Path.of("target", "reliability", "crash-loop.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(
        report,
        "kills="
            + kills
            + " acknowledged_writes="
            + acknowledgedWrites.get()
            + " of_which_appends="
            + acknowledgedAppends.get()
            + " appended_bytes="
            + appended.values().stream().mapToLong(String::length).sum()
            + " key_checks="
            + verified
            + " lost=0\n");
  }

  private Process start() throws Exception {
    Path jar = Path.of(System.getProperty("standalone.jar"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java, "-Xmx256m", "-jar", jar.toString(), "--port", "0", "--data-dir", dir.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static String endpoint(Process server) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                for (String line; (line = out.readLine()) != null; ) {
                  Matcher listening = LISTENING.matcher(line);
                  if (listening.matches()) {
                    return listening.group(1);
                  }
                }
                throw new IllegalStateException("the server exited before listening");
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .get(60, TimeUnit.SECONDS);
  }

  private static OSS client(String endpoint) {
    ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
    conf.setMaxErrorRetry(0); // a retried write would blur what was acknowledged
    conf.setConnectionTimeout(5_000);
    conf.setSocketTimeout(10_000);
    return OSSClientBuilder.create()
        .endpoint(endpoint)
        .credentialsProvider(new DefaultCredentialProvider("test-access-key", "test-secret-key"))
        .clientConfiguration(conf)
        .build();
  }

  /** Each writer owns half the keys, so "in flight" is at most one write per key. */
  private Thread writer(OSS client, int writer, AtomicBoolean stop) {
    Thread thread =
        new Thread(
            () -> {
              Random random = new Random();
              for (long seq = 0; !stop.get(); seq++) {
                String key = "k" + (writer + 2 * random.nextInt(KEYS / 2));
                boolean delete = random.nextInt(5) == 0;
                String value =
                    delete ? DELETED : "w" + writer + "-" + seq + "-" + random.nextLong();
                inFlight.put(key, value);
                try {
                  if (delete) {
                    client.deleteObject("crash-bucket", key);
                  } else {
                    byte[] bytes = value.repeat(1 + random.nextInt(200)).getBytes();
                    client.putObject("crash-bucket", key, new ByteArrayInputStream(bytes));
                  }
                  acknowledged.put(key, value);
                  inFlight.remove(key);
                  acknowledgedWrites.incrementAndGet();
                } catch (RuntimeException e) {
                  return; // the server is gone; the write stays "in flight"
                }
              }
            });
    thread.start();
    return thread;
  }

  /** Appends to a few keys at the position acknowledged last. */
  private Thread appender(OSS client, AtomicBoolean stop) {
    Thread thread =
        new Thread(
            () -> {
              Random random = new Random();
              for (long seq = 0; !stop.get(); seq++) {
                String key = "a" + random.nextInt(APPENDED_KEYS);
                String before = appended.getOrDefault(key, "");
                String after = before + ("x" + seq + ";").repeat(1 + random.nextInt(100));
                appending.put(key, after);
                try {
                  byte[] tail = after.substring(before.length()).getBytes(StandardCharsets.UTF_8);
                  client.appendObject(
                      new AppendObjectRequest("crash-bucket", key, new ByteArrayInputStream(tail))
                          .withPosition((long) before.length()));
                  appended.put(key, after);
                  appending.remove(key);
                  acknowledgedWrites.incrementAndGet();
                  acknowledgedAppends.incrementAndGet();
                } catch (RuntimeException e) {
                  return; // the server is gone; the append stays "in flight"
                }
              }
            });
    thread.start();
    return thread;
  }

  /** Checks every key; returns how many were checked. */
  private long verify(OSS client, int cycle) throws Exception {
    for (int k = 0; k < APPENDED_KEYS; k++) {
      String key = "a" + k;
      String state = readWhole(client, key);
      String expected = appended.getOrDefault(key, "");
      String pending = appending.remove(key);
      assertThat(state.equals(expected) || state.equals(pending))
          .as(
              "cycle %d appended key %s: %d bytes, acknowledged %d",
              cycle, key, state.length(), expected.length())
          .isTrue();
      appended.put(key, state);
    }
    for (int k = 0; k < KEYS; k++) {
      String key = "k" + k;
      String state = read(client, key);
      String expected = acknowledged.getOrDefault(key, DELETED);
      String pending = inFlight.remove(key);
      assertThat(state.equals(expected) || state.equals(pending))
          .as(
              "cycle %d key %s: %s, acknowledged %s, in flight %s",
              cycle, key, state, expected, pending)
          .isTrue();
      if (state.equals(pending)) {
        acknowledged.put(key, pending); // it landed before the kill: now the state to keep
      }
    }
    return KEYS + APPENDED_KEYS;
  }

  private static String readWhole(OSS client, String key) throws Exception {
    try (InputStream in = client.getObject("crash-bucket", key).getObjectContent()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (OSSException e) {
      if ("NoSuchKey".equals(e.getErrorCode()) || "NoSuchBucket".equals(e.getErrorCode())) {
        return "";
      }
      throw e;
    }
  }

  private static String read(OSS client, String key) throws Exception {
    try (InputStream in = client.getObject("crash-bucket", key).getObjectContent()) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // The body is one value repeated; the value is everything up to its own repetition.
      int end = body.indexOf("w", 1);
      return end < 0 ? body : body.substring(0, end);
    } catch (OSSException e) {
      if ("NoSuchKey".equals(e.getErrorCode()) || "NoSuchBucket".equals(e.getErrorCode())) {
        return DELETED;
      }
      throw e;
    }
  }
}
