package dev.ossemu;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version, filtered into a resource at build time. */
final class Version {
  private static final String VERSION = load();

  private Version() {}

  static String get() {
    return VERSION;
  }

  /**
   * The version the standalone jar's manifest gives, which the JVM read when it defined this
   * package: looking up the resource first searched every JDK module, some 10 ms of each start.
   * Only a manifest that names this project counts; in someone else's merged jar the package gets
   * their manifest.
   *
   * @return the version, or null when the manifest is not this project's
   */
  static String fromManifest(String title, String version) {
    return "oss-emulator".equals(title) ? version : null;
  }

  private static String load() {
    String fromManifest =
        fromManifest(
            Version.class.getPackage().getImplementationTitle(),
            Version.class.getPackage().getImplementationVersion());
    if (fromManifest != null) {
      return fromManifest;
    }
    try (InputStream in = Version.class.getResourceAsStream("/dev/ossemu/version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
