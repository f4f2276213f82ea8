package dev.vigil.intel.geo;

import com.maxmind.db.CHMCache;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.AsnResponse;
import dev.vigil.finding.Organization;
import dev.vigil.intel.OrganizationLookup;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Who owns an address, from a MaxMind ASN database (GeoLite2-ASN or GeoIP2-ISP, {@code .mmdb}). Thread-safe: the
 * database is memory-mapped and read-only. Addresses are parsed as literals, never resolved through DNS.
 */
public final class MaxMindOrganizations implements OrganizationLookup {

    private final DatabaseReader reader;
    private final Path database;

    private MaxMindOrganizations(DatabaseReader reader, Path database) {
        this.reader = reader;
        this.database = database;
    }

    /** Opens the database; throws {@link IOException} when it is missing or not an ASN database. */
    public static MaxMindOrganizations open(Path database) throws IOException {
        DatabaseReader reader = new DatabaseReader.Builder(database.toFile()).withCache(new CHMCache()).build();
        String type = reader.metadata().databaseType();
        if (type == null || !(type.contains("ASN") || type.contains("ISP"))) {
            reader.close();
            throw new IOException("it is a " + type + " database, not an ASN one (use GeoLite2-ASN.mmdb)");
        }
        return new MaxMindOrganizations(reader, database);
    }

    public Path database() {
        return database;
    }

    @Override
    public Optional<Organization> lookup(String ip) {
        InetAddress address = literal(ip);
        if (address == null) {
            return Optional.empty();
        }
        try {
            Optional<AsnResponse> response = reader.tryAsn(address);
            return response.filter(asn -> asn.autonomousSystemNumber() != null || asn.autonomousSystemOrganization() != null)
                    .map(asn -> new Organization(asn.autonomousSystemNumber() == null ? null
                            : String.valueOf(asn.autonomousSystemNumber()), asn.autonomousSystemOrganization(), null, null));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the ASN database " + database, e);
        } catch (GeoIp2Exception e) {
            return Optional.empty();
        }
    }

    private static InetAddress literal(String ip) {
        if (ip == null) {
            return null;
        }
        IPAddress address = new IPAddressString(ip.trim()).getAddress();
        return address == null || address.getNetworkPrefixLength() != null ? null : address.toInetAddress();
    }
}
