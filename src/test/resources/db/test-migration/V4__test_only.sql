-- A migration after Vigil's newest, for StoreSchemaContract: a store at version 3 is "older", one at 4 "newer".
CREATE TABLE test_only_v4 (id INTEGER PRIMARY KEY);
