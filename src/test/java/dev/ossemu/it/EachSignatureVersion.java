package dev.ossemu.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs a test once with V1 and once with V4 signing of the Java SDK 3.x: the SDK's default and the
 * one OSS recommends, which an emulator must both verify (spec §10.6).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@EnumSource(
    value = com.aliyun.oss.common.comm.SignVersion.class,
    names = {"V1", "V4"})
@interface EachSignatureVersion {}
