package dev.ossemu.service;

import dev.ossemu.request.OssResponse;

/**
 * How to answer a request: the response, held back by {@code delayMillis}, or no answer at all but
 * a reset connection. Delays and resets come only from injected faults.
 *
 * @param response what to send
 * @param delayMillis how long to wait before sending it
 * @param resetConnection whether to reset the connection instead
 */
public record Outcome(OssResponse response, long delayMillis, boolean resetConnection) {

  static Outcome answer(OssResponse response) {
    return new Outcome(response, 0, false);
  }
}
