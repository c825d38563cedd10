package dev.gameday.sandbox.internal.world;

import java.util.List;

/** An IPv4 block; a bare address is a /32. */
public record Cidr(int network, int bits) {

  public Cidr {
    if (bits < 0 || bits > 32) {
      throw new IllegalArgumentException("prefix length must be 0..32");
    }
  }

  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return new Cidr(Ipv4.parse(text), 32);
    }
    String len = text.substring(slash + 1);
    if (len.isEmpty() || len.length() > 2 || !len.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("bad prefix length: " + text);
    }
    int bits = Integer.parseInt(len);
    if (bits > 32) {
      throw new IllegalArgumentException("bad prefix length: " + text);
    }
    return new Cidr(Ipv4.parse(text.substring(0, slash)) & mask(bits), bits);
  }

  public boolean contains(int ip) {
    return (ip & mask(bits)) == network;
  }

  /** The n-th host address of the block. */
  public int host(int n) {
    return network + n;
  }

  private static int mask(int bits) {
    return bits == 0 ? 0 : -1 << (32 - bits);
  }

  @Override
  public String toString() {
    return Ipv4.format(network) + "/" + bits;
  }

  /** A set of blocks, e.g. the address space behind the VirtualNetwork service tag. */
  public record Space(List<Cidr> blocks) {
    public Space {
      blocks = List.copyOf(blocks);
    }

    public boolean contains(int ip) {
      return blocks.stream().anyMatch(b -> b.contains(ip));
    }
  }
}
