package dev.ossemu.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against its own emulator: started once for the class on a free port, reset
 * before each test. Test methods, constructors and lifecycle methods may declare parameters of type
 * {@link OssEmulatorInfo}, {@link dev.ossemu.OssEmulator}, and, when the SDK is on the class path,
 * {@code com.aliyun.oss.OSS} (Java SDK 3.x, V1 signing) or {@code
 * com.aliyun.sdk.service.oss2.OSSClient} (Java SDK V2, V4 signing); injected clients are shut down
 * after the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(OssEmulatorTestExtension.class)
public @interface OssEmulatorTest {
  /** The region, {@code cn-hangzhou} by default. */
  String region() default "cn-hangzhou";

  /** Buckets of the default account that exist before every test. */
  String[] buckets() default {};
}
