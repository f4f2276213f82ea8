package dev.vigil.intel.yaml;

/**
 * A configuration problem the user can fix (a config file, list file or account directory that is invalid), with every
 * error in its message, one per line. The command line prints the message as is and exits 2.
 */
public final class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(String message) {
        super(message);
    }
}
