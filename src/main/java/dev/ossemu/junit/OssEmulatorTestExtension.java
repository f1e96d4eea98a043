package dev.ossemu.junit;

import dev.ossemu.OssEmulator;
import dev.ossemu.OssEmulatorBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** The extension behind {@link OssEmulatorTest}; the emulator lives in the class's store. */
final class OssEmulatorTestExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(OssEmulatorTestExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    OssEmulatorTest settings =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), OssEmulatorTest.class)
            .orElseThrow(() -> new IllegalStateException("@OssEmulatorTest is missing"));
    OssEmulatorBuilder builder = OssEmulator.builder().region(settings.region());
    for (String bucket : settings.buckets()) {
      builder.bucket(bucket);
    }
    context.getStore(NAMESPACE).put(OssEmulator.class, builder.build().start());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    emulator(context).reset();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    EmulatorParameters.closeClients(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    EmulatorParameters.closeClients(context);
    OssEmulator emulator = context.getStore(NAMESPACE).remove(OssEmulator.class, OssEmulator.class);
    if (emulator != null) {
      emulator.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return EmulatorParameters.supports(parameter);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return EmulatorParameters.resolve(parameter, context, emulator(context));
  }

  /** The class's emulator; stores are searched upwards, so method contexts find it too. */
  private static OssEmulator emulator(ExtensionContext context) {
    OssEmulator emulator = context.getStore(NAMESPACE).get(OssEmulator.class, OssEmulator.class);
    if (emulator == null) {
      throw new IllegalStateException("the emulator of @OssEmulatorTest is not running");
    }
    return emulator;
  }
}
