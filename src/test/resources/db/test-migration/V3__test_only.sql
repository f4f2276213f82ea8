-- A migration after Vigil's newest, for StoreSchemaContract: a store at version 2 is "older", one at 3 "newer".
CREATE TABLE test_only_v3 (id INTEGER PRIMARY KEY);
