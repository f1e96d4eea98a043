package dev.ossemu.junit;

import dev.ossemu.OssEmulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * Resolves the parameters both extensions inject: {@link OssEmulatorInfo}, {@link OssEmulator} and,
 * when their SDK is on the class path, the OSS SDK clients. Clients are closed when the context
 * that asked for them ends.
 */
final class EmulatorParameters {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EmulatorParameters.class);
  private static final String CLIENTS = "clients";

  private EmulatorParameters() {}

  static boolean supports(ParameterContext parameter) {
    Class<?> type = parameter.getParameter().getType();
    return type == OssEmulatorInfo.class
        || type == OssEmulator.class
        || SdkClients.isClientType(type);
  }

  static Object resolve(
      ParameterContext parameter, ExtensionContext context, OssEmulator emulator) {
    Class<?> type = parameter.getParameter().getType();
    if (type == OssEmulatorInfo.class) {
      return OssEmulatorInfo.of(emulator);
    }
    if (type == OssEmulator.class) {
      return emulator;
    }
    Object client = SdkClients.create(type, emulator);
    clients(context).add(client);
    return client;
  }

  /** Closes the SDK clients handed out in {@code context}. */
  static void closeClients(ExtensionContext context) {
    List<Object> clients = clients(context);
    for (Object client : clients) {
      SdkClients.close(client);
    }
    clients.clear();
  }

  /** The clients of one context; a record so the store needs no unchecked cast. */
  private record Clients(List<Object> list) {}

  private static List<Object> clients(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(CLIENTS, key -> new Clients(new ArrayList<>()), Clients.class)
        .list();
  }
}
