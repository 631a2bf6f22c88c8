package cn.huangpu.assessment.linkcheck;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The IANA special-purpose address registries for IPv4 and IPv6 (iana-ipv4-special-registry and
 * iana-ipv6-special-registry, as updated 2024/2025), plus the blocks of the IPv4 multicast and IPv6
 * address-space registries that are not unicast on the Internet, as one table. An address is judged by
 * the most specific block that contains it: only a block the registry marks globally reachable lets it
 * through ("N/A" and deprecated blocks count as not reachable). Where an IPv6 block carries an IPv4
 * address inside (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo), that IPv4 address is judged
 * too, so that 64:ff9b::10.0.0.1 does not reach a private network through a NAT64 gateway.
 */
final class SpecialAddresses {

    /** Where an IPv6 block carries an IPv4 address. */
    enum Embedded {
        NONE,
        /** the last 32 bits (IPv4-mapped, IPv4-compatible, NAT64 well-known prefix; RFC 4291, RFC 6052) */
        LOW_32,
        /** bits 16 to 47 (6to4, RFC 3056) */
        SIX_TO_FOUR,
        /** the server in bits 32 to 63, the client inverted in the last 32 (Teredo, RFC 4380) */
        TEREDO
    }

    /**
     * One registry entry.
     *
     * @param cidr              the block as the registry writes it
     * @param name              the registry's name of the block
     * @param label             what it is, in Chinese, for the verifier
     * @param rfc               the registry's reference
     * @param globallyReachable the registry's "Globally Reachable" column (false also for "N/A")
     * @param embedded          where an IPv4 address sits inside the block, if anywhere
     */
    record Block(String cidr, String name, String label, String rfc, boolean globallyReachable, Embedded embedded) {

        byte[] prefix() {
            return parse(cidr.substring(0, cidr.indexOf('/')));
        }

        int length() {
            return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
        }

        boolean contains(byte[] address) {
            byte[] prefix = prefix();
            if (prefix.length != address.length) {
                return false;
            }
            int bits = length();
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((prefix[i / 8] & mask) != (address[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Block block(String cidr, String name, String label, String rfc, boolean globallyReachable) {
        return new Block(cidr, name, label, rfc, globallyReachable, Embedded.NONE);
    }

    private static Block block(String cidr, String name, String label, String rfc, boolean globallyReachable,
                               Embedded embedded) {
        return new Block(cidr, name, label, rfc, globallyReachable, embedded);
    }

    /** The table. The two /0 rows are the rest of each address space. */
    static final List<Block> BLOCKS = List.of(
            // IPv4: everything not listed below is public unicast
            block("0.0.0.0/0", "IPv4 unicast", "公网地址", "RFC 791", true),
            // IPv4 special-purpose address registry
            block("0.0.0.0/8", "\"This network\"", "本网络地址", "RFC 791", false),
            block("0.0.0.0/32", "\"This host on this network\"", "本机地址", "RFC 1122", false),
            block("10.0.0.0/8", "Private-Use", "私有地址", "RFC 1918", false),
            block("100.64.0.0/10", "Shared Address Space", "运营商共享地址", "RFC 6598", false),
            block("127.0.0.0/8", "Loopback", "本机回环地址", "RFC 1122", false),
            block("169.254.0.0/16", "Link Local", "链路本地地址", "RFC 3927", false),
            block("172.16.0.0/12", "Private-Use", "私有地址", "RFC 1918", false),
            block("192.0.0.0/24", "IETF Protocol Assignments", "协议专用地址", "RFC 6890", false),
            block("192.0.0.0/29", "IPv4 Service Continuity Prefix", "协议专用地址", "RFC 7335", false),
            block("192.0.0.8/32", "IPv4 dummy address", "协议专用地址", "RFC 7600", false),
            block("192.0.0.9/32", "Port Control Protocol Anycast", "端口控制协议任播地址", "RFC 7723", true),
            block("192.0.0.10/32", "Traversal Using Relays around NAT Anycast", "NAT中继任播地址", "RFC 8155", true),
            block("192.0.0.170/32", "NAT64/DNS64 Discovery", "协议专用地址", "RFC 8880", false),
            block("192.0.0.171/32", "NAT64/DNS64 Discovery", "协议专用地址", "RFC 8880", false),
            block("192.0.2.0/24", "Documentation (TEST-NET-1)", "文档示例地址", "RFC 5737", false),
            block("192.31.196.0/24", "AS112-v4", "AS112服务地址", "RFC 7535", true),
            block("192.52.193.0/24", "AMT", "AMT任播地址", "RFC 7450", true),
            block("192.88.99.0/24", "Deprecated (6to4 Relay Anycast)", "已废止的6to4中继地址", "RFC 7526", false),
            block("192.168.0.0/16", "Private-Use", "私有地址", "RFC 1918", false),
            block("192.175.48.0/24", "Direct Delegation AS112 Service", "AS112服务地址", "RFC 7534", true),
            block("198.18.0.0/15", "Benchmarking", "网络测试地址", "RFC 2544", false),
            block("198.51.100.0/24", "Documentation (TEST-NET-2)", "文档示例地址", "RFC 5737", false),
            block("203.0.113.0/24", "Documentation (TEST-NET-3)", "文档示例地址", "RFC 5737", false),
            block("240.0.0.0/4", "Reserved", "保留地址", "RFC 1112", false),
            block("255.255.255.255/32", "Limited Broadcast", "广播地址", "RFC 919", false),
            // IPv4 multicast address space registry
            block("224.0.0.0/4", "Multicast", "组播地址", "RFC 5771", false),

            // IPv6 address space registry: only 2000::/3 is global unicast; the rest is reserved by the IETF,
            // unique-local, link-local or multicast
            block("::/0", "Reserved by IETF", "IPv6保留地址", "RFC 4291", false),
            block("2000::/3", "Global Unicast", "公网地址", "RFC 4291", true),
            block("fc00::/7", "Unique-Local", "IPv6私有地址", "RFC 4193", false),
            block("fe80::/10", "Link-Local Unicast", "链路本地地址", "RFC 4291", false),
            block("fec0::/10", "Site-Local (deprecated)", "已废止的站点本地地址", "RFC 3879", false),
            block("ff00::/8", "Multicast", "组播地址", "RFC 4291", false),
            // IPv6 special-purpose address registry
            block("::1/128", "Loopback Address", "本机回环地址", "RFC 4291", false),
            block("::/128", "Unspecified Address", "未指定地址", "RFC 4291", false),
            block("::/96", "IPv4-compatible Address (deprecated)", "内嵌IPv4的兼容地址", "RFC 4291", false, Embedded.LOW_32),
            block("::ffff:0:0/96", "IPv4-mapped Address", "IPv4映射地址", "RFC 4291", false, Embedded.LOW_32),
            block("64:ff9b::/96", "IPv4-IPv6 Translat.", "NAT64转换地址", "RFC 6052", true, Embedded.LOW_32),
            block("64:ff9b:1::/48", "IPv4-IPv6 Translat.", "本地NAT64转换地址", "RFC 8215", false),
            block("100::/64", "Discard-Only Address Block", "丢弃地址", "RFC 6666", false),
            block("2001::/23", "IETF Protocol Assignments", "协议专用地址", "RFC 2928", false),
            block("2001::/32", "TEREDO", "Teredo隧道地址", "RFC 4380", false, Embedded.TEREDO),
            block("2001:1::1/128", "Port Control Protocol Anycast", "端口控制协议任播地址", "RFC 7723", true),
            block("2001:1::2/128", "Traversal Using Relays around NAT Anycast", "NAT中继任播地址", "RFC 8155", true),
            block("2001:1::3/128", "DNS-SD Service Registration Protocol Anycast", "服务注册任播地址", "RFC 9665", true),
            block("2001:2::/48", "Benchmarking", "网络测试地址", "RFC 5180", false),
            block("2001:3::/32", "AMT", "AMT任播地址", "RFC 7450", true),
            block("2001:4:112::/48", "AS112-v6", "AS112服务地址", "RFC 7535", true),
            block("2001:10::/28", "Deprecated (previously ORCHID)", "已废止的ORCHID地址", "RFC 4843", false),
            block("2001:20::/28", "ORCHIDv2", "ORCHIDv2地址", "RFC 7343", true),
            block("2001:30::/28", "Drone Remote ID Protocol Entity Tags (DETs) Prefix", "无人机识别地址", "RFC 9374", true),
            block("2001:db8::/32", "Documentation", "文档示例地址", "RFC 3849", false),
            block("2002::/16", "6to4", "6to4隧道地址", "RFC 3056", false, Embedded.SIX_TO_FOUR),
            block("2620:4f:8000::/48", "Direct Delegation AS112 Service", "AS112服务地址", "RFC 7534", true),
            block("3fff::/20", "Documentation", "文档示例地址", "RFC 9637", false),
            block("5f00::/16", "Segment Routing (SRv6) SIDs", "SRv6段标识地址", "RFC 9602", false));

    private SpecialAddresses() {
    }

    /** The most specific block that contains the address (there is always one: the /0 rows). */
    static Block blockOf(byte[] address) {
        return BLOCKS.stream().filter(b -> b.contains(address)).max(Comparator.comparingInt(Block::length))
                .orElseThrow();
    }

    /** Why the address may not be connected to (its block, or the IPv4 address it carries), or empty. */
    static Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        Block block = blockOf(bytes);
        Optional<InetAddress> embedded = embeddedIpv4(block, bytes);
        Optional<String> embeddedRefusal = embedded.flatMap(SpecialAddresses::refusal);
        if (!block.globallyReachable() || embeddedRefusal.isPresent()) {
            String carried = embedded.map(v4 -> "，内含IPv4地址 " + v4.getHostAddress()
                    + embeddedRefusal.map(r -> "（" + describe(blockOf(v4.getAddress())) + "）").orElse("")).orElse("");
            return Optional.of("地址 " + address.getHostAddress() + " 属于" + describe(block) + carried
                    + "，不是公网地址，不予访问");
        }
        return Optional.empty();
    }

    private static String describe(Block block) {
        return block.label() + "（" + block.name() + "，" + block.cidr() + "，" + block.rfc() + "）";
    }

    /** The IPv4 address inside an IPv6 address of a block that carries one. */
    static Optional<InetAddress> embeddedIpv4(Block block, byte[] address) {
        int offset;
        boolean inverted = false;
        switch (block.embedded()) {
            case LOW_32 -> offset = 12;
            case SIX_TO_FOUR -> offset = 2;
            case TEREDO -> {
                // the client's address (where traffic ends up) is what matters; it is stored inverted
                offset = 12;
                inverted = true;
            }
            default -> {
                return Optional.empty();
            }
        }
        byte[] v4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            v4[i] = (byte) (inverted ? ~address[offset + i] : address[offset + i]);
        }
        try {
            return Optional.of(Inet4Address.getByAddress(v4));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] parse(String literal) {
        try {
            // a literal never causes a lookup; "::ffff:0:0" comes back as the IPv4 address 0.0.0.0, so rebuild it
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (literal.contains(":") && bytes.length == 4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return mapped;
            }
            return bytes;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + literal, e);
        }
    }
}
