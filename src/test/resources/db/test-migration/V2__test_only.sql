-- A migration after Vigil's newest, for StoreSchemaContract: a store at version 1 is "older", one at 2 "newer".
CREATE TABLE test_only_v2 (id INTEGER PRIMARY KEY);
