package dev.vigil.generate;

import java.math.BigDecimal;

/** A remote address as GuardDuty describes it in remoteIpDetails; {@code ipv6} says which address field it goes in. */
record RemoteHost(String ip, boolean ipv6, String asn, String asnOrg, String isp, String org, String country,
                  String city, BigDecimal lat, BigDecimal lon) {
}
