package dev.ossemu.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The accounts the emulator knows, with their RAM users, looked up by access key id. */
public final class Accounts {
  /**
   * An access key resolved to who signs with it.
   *
   * @param account the account acted for
   * @param ramUser the RAM user, or null for the account itself
   * @param secret the key's secret
   */
  public record Credential(Account account, RamUser ramUser, String secret) {
    @Override
    public String toString() {
      return "Credential[account=" + account.name() + "]";
    }
  }

  private final List<Account> accounts;
  private final Map<String, Credential> byAccessKeyId = new HashMap<>();

  /**
   * @throws IllegalArgumentException when an access key id or account name appears twice
   */
  public Accounts(List<Account> accounts) {
    this.accounts = List.copyOf(accounts);
    Map<String, Account> names = new HashMap<>();
    for (Account account : this.accounts) {
      if (names.put(account.name(), account) != null) {
        throw new IllegalArgumentException("duplicate account name " + account.name());
      }
      for (Account.AccessKey key : account.accessKeys()) {
        add(key, new Credential(account, null, key.secret()));
      }
      for (RamUser user : account.ramUsers()) {
        for (Account.AccessKey key : user.accessKeys()) {
          add(key, new Credential(account, user, key.secret()));
        }
      }
    }
  }

  private void add(Account.AccessKey key, Credential credential) {
    if (byAccessKeyId.put(key.id(), credential) != null) {
      throw new IllegalArgumentException("duplicate access key id " + key.id());
    }
  }

  public Optional<Credential> byAccessKeyId(String accessKeyId) {
    return Optional.ofNullable(byAccessKeyId.get(accessKeyId));
  }

  public List<Account> all() {
    return accounts;
  }

  /**
   * The RAM user named {@code account/user}, as STS requests name it.
   *
   * @return the account with that user, or empty
   */
  public Optional<Credential> ramUser(String qualifiedName) {
    int slash = qualifiedName.indexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    String accountName = qualifiedName.substring(0, slash);
    for (Account account : accounts) {
      if (account.name().equals(accountName)) {
        RamUser user = account.ramUser(qualifiedName.substring(slash + 1));
        return user == null ? Optional.empty() : Optional.of(new Credential(account, user, null));
      }
    }
    return Optional.empty();
  }
}
