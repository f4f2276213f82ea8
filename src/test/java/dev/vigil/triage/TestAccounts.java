package dev.vigil.triage;

import dev.vigil.intel.Account;
import dev.vigil.intel.AccountDirectory;
import java.util.Map;
import java.util.Optional;

/** An AccountDirectory for tests over a fixed map. */
record TestAccounts(Map<String, Account> accounts) implements AccountDirectory {
    @Override
    public Optional<Account> find(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }
}
