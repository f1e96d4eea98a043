package dev.ossemu.cli;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.util.StatusPrinter2;
import java.io.PrintStream;

/**
 * Logback's own warnings and errors (a bad pattern, an appender that cannot write), each on stderr
 * as it happens, in Logback's status format. Without a status listener Logback ends its start by
 * checking the statuses with StatusPrinter, whose date formatter and time-zone rules cost every
 * standalone start about 20 ms, and printed them on stdout, where the emulator prints only its
 * ready line.
 */
final class StatusWarnings implements StatusListener {
  private final PrintStream err;

  StatusWarnings(PrintStream err) {
    this.err = err;
  }

  @Override
  public void addStatusEvent(Status status) {
    if (status.getEffectiveLevel() < Status.WARN) {
      return;
    }
    StringBuilder text = new StringBuilder();
    new StatusPrinter2().buildStr(text, "", status);
    err.print(text);
    err.flush();
  }
}
