package dev.ossemu.junit;

import dev.ossemu.OssEmulator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Builds the official OSS SDK clients by reflection, so that the emulator can inject them into
 * tests whose class path has the SDK without making the SDK a dependency of the emulator.
 */
final class SdkClients {
  /** The Java SDK 3.x client interface. */
  static final String OSS_V1 = "com.aliyun.oss.OSS";

  /** The Java SDK V2 client interface. */
  static final String OSS_V2 = "com.aliyun.sdk.service.oss2.OSSClient";

  private SdkClients() {}

  /** Whether {@code type} is one of the SDK clients and that SDK is on the class path. */
  static boolean isClientType(Class<?> type) {
    return type.getName().equals(OSS_V1) || type.getName().equals(OSS_V2);
  }

  /** A client of the given SDK type for the emulator's first account, path style. */
  static Object create(Class<?> type, OssEmulator emulator) {
    try {
      return type.getName().equals(OSS_V1) ? createV1(type, emulator) : createV2(type, emulator);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot create " + type.getName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + type.getName(), e);
    }
  }

  /** {@code new OSSClientBuilder().build(endpoint, ak, sk)}: V1 signing, path style on an IP. */
  private static Object createV1(Class<?> type, OssEmulator emulator)
      throws ReflectiveOperationException {
    Class<?> builderType = Class.forName("com.aliyun.oss.OSSClientBuilder", true, loader(type));
    Object builder = builderType.getConstructor().newInstance();
    return builderType
        .getMethod("build", String.class, String.class, String.class)
        .invoke(builder, emulator.endpoint(), emulator.accessKeyId(), emulator.accessKeySecret());
  }

  /** {@code OSSClient.newBuilder()...usePathStyle(true).build()}: V4 signing. */
  private static Object createV2(Class<?> type, OssEmulator emulator)
      throws ReflectiveOperationException {
    ClassLoader loader = loader(type);
    Class<?> base = Class.forName("com.aliyun.sdk.service.oss2.BaseClientBuilder", true, loader);
    Class<?> providerType =
        Class.forName("com.aliyun.sdk.service.oss2.credentials.CredentialsProvider", true, loader);
    Object provider =
        Class.forName(
                "com.aliyun.sdk.service.oss2.credentials.StaticCredentialsProvider", true, loader)
            .getConstructor(String.class, String.class)
            .newInstance(emulator.accessKeyId(), emulator.accessKeySecret());
    Object builder = type.getMethod("newBuilder").invoke(null);
    base.getMethod("credentialsProvider", providerType).invoke(builder, provider);
    base.getMethod("region", String.class).invoke(builder, emulator.region());
    base.getMethod("endpoint", String.class).invoke(builder, emulator.endpoint());
    base.getMethod("usePathStyle", Boolean.class).invoke(builder, Boolean.TRUE);
    return base.getMethod("build").invoke(builder);
  }

  /** Shuts a client down: {@code shutdown()} for 3.x, {@code close()} for V2. */
  static void close(Object client) {
    try {
      Method shutdown = findMethod(client.getClass(), "shutdown");
      if (shutdown != null) {
        shutdown.invoke(client);
      } else if (client instanceof AutoCloseable closeable) {
        closeable.close();
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot close " + client.getClass().getName(), e);
    }
  }

  private static Method findMethod(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static ClassLoader loader(Class<?> type) {
    return type.getClassLoader();
  }
}
