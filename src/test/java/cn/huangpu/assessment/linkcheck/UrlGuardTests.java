package cn.huangpu.assessment.linkcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which resolved addresses the link checker connects to: a table with an address from every entry of the
 * IANA IPv4 and IPv6 special-purpose registries (and the multicast and reserved IPv6 space), IPv4
 * addresses hidden inside IPv6 ones, and public addresses that must stay reachable.
 */
class UrlGuardTests {

    static final UrlGuard GUARD = new UrlGuard(new LinkCheckSettings(List.of("*.gov.cn"), List.of(), Duration.ofSeconds(1),
            Duration.ofSeconds(1), 1000, 1, 1, 1, "Test/1.0", 1, Duration.ofSeconds(1), false, 1));

    /** address, refused?, the registry name of the block the refusal must name (or of the public block). */
    static Stream<Arguments> table() {
        return Stream.of(
                // IPv4 special-purpose registry
                row("0.1.2.3", true, "\"This network\""),
                row("0.0.0.0", true, "\"This host on this network\""),
                row("10.1.2.3", true, "Private-Use"),
                row("100.64.0.1", true, "Shared Address Space"),
                row("100.127.255.254", true, "Shared Address Space"),
                row("127.0.0.1", true, "Loopback"),
                row("127.255.0.9", true, "Loopback"),
                row("169.254.169.254", true, "Link Local"),
                row("172.16.0.1", true, "Private-Use"),
                row("172.31.255.255", true, "Private-Use"),
                row("192.0.0.100", true, "IETF Protocol Assignments"),
                row("192.0.0.1", true, "IPv4 Service Continuity Prefix"),
                row("192.0.0.8", true, "IPv4 dummy address"),
                row("192.0.0.170", true, "NAT64/DNS64 Discovery"),
                row("192.0.0.171", true, "NAT64/DNS64 Discovery"),
                row("192.0.2.10", true, "Documentation (TEST-NET-1)"),
                row("192.88.99.1", true, "Deprecated (6to4 Relay Anycast)"),
                row("192.168.1.1", true, "Private-Use"),
                row("198.18.0.1", true, "Benchmarking"),
                row("198.19.255.255", true, "Benchmarking"),
                row("198.51.100.7", true, "Documentation (TEST-NET-2)"),
                row("203.0.113.9", true, "Documentation (TEST-NET-3)"),
                row("240.0.0.1", true, "Reserved"),
                row("254.1.1.1", true, "Reserved"),
                row("255.255.255.255", true, "Limited Broadcast"),
                row("224.0.0.251", true, "Multicast"),
                row("239.255.255.250", true, "Multicast"),
                // globally reachable entries of the IPv4 registry
                row("192.0.0.9", false, "Port Control Protocol Anycast"),
                row("192.0.0.10", false, "Traversal Using Relays around NAT Anycast"),
                row("192.31.196.1", false, "AS112-v4"),
                row("192.52.193.1", false, "AMT"),
                row("192.175.48.6", false, "Direct Delegation AS112 Service"),
                // public IPv4, including the neighbours of refused blocks
                row("202.96.209.5", false, "IPv4 unicast"),
                row("8.8.8.8", false, "IPv4 unicast"),
                row("1.0.0.1", false, "IPv4 unicast"),
                row("100.63.255.255", false, "IPv4 unicast"),
                row("100.128.0.0", false, "IPv4 unicast"),
                row("172.32.0.1", false, "IPv4 unicast"),
                row("198.17.255.255", false, "IPv4 unicast"),
                row("198.20.0.0", false, "IPv4 unicast"),
                row("223.255.255.255", false, "IPv4 unicast"),

                // IPv6 special-purpose registry
                row("::1", true, "Loopback Address"),
                row("::", true, "Unspecified Address"),
                row("::10.1.2.3", true, "IPv4-compatible Address (deprecated)"),
                row("::8.8.8.8", true, "IPv4-compatible Address (deprecated)"),
                row("::ffff:10.1.2.3", true, "IPv4-mapped Address"),
                row("::ffff:8.8.8.8", true, "IPv4-mapped Address"),
                row("64:ff9b::10.1.2.3", true, "Private-Use"),
                row("64:ff9b::127.0.0.1", true, "Loopback"),
                row("64:ff9b::169.254.169.254", true, "Link Local"),
                row("64:ff9b:1::a01:203", true, "IPv4-IPv6 Translat."),
                row("100::1", true, "Discard-Only Address Block"),
                row("2001:1::4", true, "IETF Protocol Assignments"),
                row("2001:0:4136:e378:8000:63bf:3fff:fdd2", true, "TEREDO"),
                row("2001:2::1", true, "Benchmarking"),
                row("2001:10::1", true, "Deprecated (previously ORCHID)"),
                row("2001:db8::1", true, "Documentation"),
                row("2002:a01:203::1", true, "6to4"),
                row("2002:808:808::1", true, "6to4"),
                row("3fff::1", true, "Documentation"),
                row("5f00::1", true, "Segment Routing (SRv6) SIDs"),
                row("fc00::1", true, "Unique-Local"),
                row("fd12:3456:789a::1", true, "Unique-Local"),
                row("fe80::1", true, "Link-Local Unicast"),
                row("fec0::1", true, "Site-Local (deprecated)"),
                row("ff02::1", true, "Multicast"),
                row("ff0e::1", true, "Multicast"),
                row("4000::1", true, "Reserved by IETF"),
                row("::2", true, "IPv4-compatible Address (deprecated)"),
                row("1::1", true, "Reserved by IETF"),
                // globally reachable entries of the IPv6 registry
                row("64:ff9b::808:808", false, "IPv4-IPv6 Translat."),
                row("64:ff9b::202.96.209.5", false, "IPv4-IPv6 Translat."),
                row("2001:1::1", false, "Port Control Protocol Anycast"),
                row("2001:1::2", false, "Traversal Using Relays around NAT Anycast"),
                row("2001:1::3", false, "DNS-SD Service Registration Protocol Anycast"),
                row("2001:3::1", false, "AMT"),
                row("2001:4:112::1", false, "AS112-v6"),
                row("2001:20::1", false, "ORCHIDv2"),
                row("2001:30::1", false, "Drone Remote ID Protocol Entity Tags (DETs) Prefix"),
                row("2620:4f:8000::1", false, "Direct Delegation AS112 Service"),
                // public IPv6
                row("2400:da00::6666", false, "Global Unicast"),
                row("2001:4860:4860::8888", false, "Global Unicast"),
                row("2001:200::1", false, "Global Unicast"),
                row("240e:1::1", false, "Global Unicast"));
    }

    static Arguments row(String address, boolean refused, String block) {
        return Arguments.of(address, refused, block);
    }

    @ParameterizedTest(name = "{0} refused: {1} ({2})")
    @MethodSource("table")
    void judgesEachAddressByTheRegistryEntryItBelongsTo(String literal, boolean refused, String blockName) throws Exception {
        // given the address as the resolver returns it (an IPv4-mapped one stays an IPv6 address)
        InetAddress address = address(literal);

        // when the guard judges it
        Optional<String> refusal = GUARD.refuseAddress(address);

        // then it is refused naming the registry entry, or let through
        assertThat(refusal.isPresent()).as(literal + ": " + refusal.orElse("allowed")).isEqualTo(refused);
        if (refused) {
            assertThat(refusal.get()).contains(address.getHostAddress()).contains(blockName).contains("不予访问");
        } else {
            assertThat(names(address)).contains(blockName);
        }
    }

    @Test
    void everyEntryOfTheTableIsExercised() throws Exception {
        // given the block each address of the table falls into
        Set<String> exercised = new HashSet<>();
        for (Arguments row : table().toList()) {
            exercised.add(SpecialAddresses.blockOf(address((String) row.get()[0]).getAddress()).cidr());
        }

        // then no registry entry of the guard goes untested
        List<String> untested = new ArrayList<>();
        for (SpecialAddresses.Block block : SpecialAddresses.BLOCKS) {
            if (!exercised.contains(block.cidr())) {
                untested.add(block.cidr() + " " + block.name());
            }
        }
        assertThat(untested).isEmpty();
    }

    @Test
    void anIpv4AddressInsideATranslationPrefixIsNamedInTheRefusal() throws Exception {
        // when a NAT64 address carrying a private IPv4 address is judged
        Optional<String> refusal = GUARD.refuseAddress(address("64:ff9b::10.1.2.3"));

        // then the verifier reads which IPv4 address it would have reached
        assertThat(refusal).get().asString().contains("10.1.2.3").contains("私有地址");
    }

    @Test
    void theTestExemptionStillLetsLoopbackThrough() throws Exception {
        UrlGuard exempting = new UrlGuard(new LinkCheckSettings(List.of("*.gov.cn"), List.of("127.0.0.1"),
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1000, 1, 1, 1, "Test/1.0", 1, Duration.ofSeconds(1), false, 1));

        assertThat(exempting.refuseAddress(address("127.0.0.1"))).isEmpty();
        assertThat(exempting.refuseAddress(address("127.0.0.2"))).isPresent();
    }

    private static Set<String> names(InetAddress address) {
        return SpecialAddresses.BLOCKS.stream().filter(b -> b.contains(address.getAddress()))
                .map(SpecialAddresses.Block::name).collect(Collectors.toSet());
    }

    /** The literal as an address; an IPv4-mapped literal is kept as IPv6, as a resolver may hand it over. */
    private static InetAddress address(String literal) throws Exception {
        InetAddress parsed = InetAddress.getByName(literal);
        if (literal.startsWith("::ffff:")) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
            return Inet6Address.getByAddress(null, mapped, -1);
        }
        return parsed;
    }
}
