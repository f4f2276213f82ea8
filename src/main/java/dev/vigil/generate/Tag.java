package dev.vigil.generate;

/** A resource tag as GuardDuty reports it. */
record Tag(String key, String value) {
}
