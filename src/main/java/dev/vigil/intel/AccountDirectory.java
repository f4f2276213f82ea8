package dev.vigil.intel;

import java.util.Optional;

/** Account id to name, owner, environment and exposure. Thread-safe. */
public interface AccountDirectory {

    AccountDirectory EMPTY = accountId -> Optional.empty();

    Optional<Account> find(String accountId);
}
