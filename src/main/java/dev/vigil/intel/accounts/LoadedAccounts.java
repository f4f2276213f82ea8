package dev.vigil.intel.accounts;

import dev.vigil.intel.Account;
import dev.vigil.intel.AccountDirectory;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An account directory read from a file. Immutable and thread-safe. */
public final class LoadedAccounts implements AccountDirectory {

    private final Map<String, Account> accounts;

    public LoadedAccounts(Collection<Account> accounts) {
        Map<String, Account> byId = new LinkedHashMap<>();
        accounts.forEach(account -> byId.put(account.id(), account));
        this.accounts = java.util.Collections.unmodifiableMap(byId);
    }

    @Override
    public Optional<Account> find(String accountId) {
        return accountId == null ? Optional.empty() : Optional.ofNullable(accounts.get(accountId.trim()));
    }

    public List<Account> all() {
        return List.copyOf(accounts.values());
    }

    public int size() {
        return accounts.size();
    }
}
