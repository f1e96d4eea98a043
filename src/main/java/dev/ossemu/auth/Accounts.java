package dev.ossemu.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The accounts the emulator knows, looked up by access key id. */
public final class Accounts {
  /** An access key resolved to the account it belongs to. */
  public record Credential(Account account, String secret) {
    @Override
    public String toString() {
      return "Credential[account=" + account.name() + "]";
    }
  }

  private final List<Account> accounts;
  private final Map<String, Credential> byAccessKeyId = new HashMap<>();

  public Accounts(List<Account> accounts) {
    this.accounts = List.copyOf(accounts);
    for (Account account : this.accounts) {
      for (Account.AccessKey key : account.accessKeys()) {
        if (byAccessKeyId.put(key.id(), new Credential(account, key.secret())) != null) {
          throw new IllegalArgumentException("duplicate access key id " + key.id());
        }
      }
    }
  }

  public Optional<Credential> byAccessKeyId(String accessKeyId) {
    return Optional.ofNullable(byAccessKeyId.get(accessKeyId));
  }

  public List<Account> all() {
    return accounts;
  }
}
