package dev.ossemu.cli;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * A {@link PatternLayoutEncoder} built on the first event it encodes: parsing the pattern (its
 * converters, the date formatter, the time-zone rules) took about 40 ms of every standalone start,
 * and a run at INFO logs nothing until something goes wrong or the emulator stops. The pattern has
 * no header or footer, so there is nothing to write before the first event.
 */
final class DeferredPatternEncoder extends EncoderBase<ILoggingEvent> {
  private final String pattern;
  private volatile PatternLayoutEncoder delegate;

  DeferredPatternEncoder(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return delegate().encode(event);
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  /** Whether the pattern has been parsed, i.e. an event was encoded. */
  boolean built() {
    return delegate != null;
  }

  private PatternLayoutEncoder delegate() {
    PatternLayoutEncoder encoder = delegate;
    if (encoder == null) {
      synchronized (this) {
        encoder = delegate;
        if (encoder == null) {
          encoder = new PatternLayoutEncoder();
          encoder.setContext(getContext());
          encoder.setPattern(pattern);
          encoder.start();
          delegate = encoder;
        }
      }
    }
    return encoder;
  }
}
